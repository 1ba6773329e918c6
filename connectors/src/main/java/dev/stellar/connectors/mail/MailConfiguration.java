package dev.stellar.connectors.mail;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
public class MailConfiguration {

    @Bean
    JakartaMailbox jakartaMailbox(MailProperties properties) {
        return new JakartaMailbox(properties.timeout());
    }
}
