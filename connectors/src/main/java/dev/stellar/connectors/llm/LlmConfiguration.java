package dev.stellar.connectors.llm;

import dev.langchain4j.model.chat.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LlmProperties.class)
public class LlmConfiguration {

    /** Only when a provider is configured; without one the offline agents do the work. */
    @Bean
    @ConditionalOnExpression("'${stellar.llm.provider:}' != '' and '${stellar.llm.provider:}' != 'none' and '${stellar.llm.provider:}' != 'offline'")
    ChatModel chatModel(LlmProperties llm) {
        return LlmModels.chatModel(llm);
    }
}
