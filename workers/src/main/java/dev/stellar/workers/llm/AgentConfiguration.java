package dev.stellar.workers.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.stellar.connectors.llm.LlmProperties;
import dev.stellar.playbooks.scorecard.Scorecard;
import dev.stellar.workers.coaching.CallCoach;
import dev.stellar.workers.coaching.CoachingContext;
import dev.stellar.workers.coaching.LlmCallCoach;
import dev.stellar.workers.coaching.OfflineCallCoach;
import dev.stellar.workers.drafts.DraftingContext;
import dev.stellar.workers.drafts.FollowUpDrafter;
import dev.stellar.workers.drafts.LlmFollowUpDrafter;
import dev.stellar.workers.drafts.OfflineFollowUpDrafter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Which coaching and drafting agents run: with a language model configured, the LLM ones, each falling back to its
 * offline twin when the model fails or its answer is refused (the result then says {@code offline}); otherwise the
 * offline ones.
 */
@Configuration(proxyBeanMethods = false)
public class AgentConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AgentConfiguration.class);

    @Bean
    @Primary
    CallCoach callCoach(OfflineCallCoach offline, ObjectProvider<ChatModel> model, LlmProperties llm, ObjectMapper json) {
        ChatModel chatModel = model.getIfAvailable();
        if (chatModel == null) {
            return offline;
        }
        LlmCallCoach coach = new LlmCallCoach(new StructuredChat(chatModel, json), offline, llm.label());
        return (Scorecard scorecard, CoachingContext call) -> {
            try {
                return coach.score(scorecard, call);
            } catch (LlmAnswerException e) {
                log.warn("LLM coaching failed, using the offline rules", e);
                return offline.score(scorecard, call);
            }
        };
    }

    @Bean
    @Primary
    FollowUpDrafter followUpDrafter(OfflineFollowUpDrafter offline, ObjectProvider<ChatModel> model, LlmProperties llm,
                                    ObjectMapper json) {
        ChatModel chatModel = model.getIfAvailable();
        if (chatModel == null) {
            return offline;
        }
        LlmFollowUpDrafter drafter = new LlmFollowUpDrafter(new StructuredChat(chatModel, json), llm.label());
        return (DraftingContext context) -> {
            try {
                return drafter.draft(context);
            } catch (LlmAnswerException e) {
                log.warn("LLM drafting failed or was refused, using the templates", e);
                return offline.draft(context);
            }
        };
    }
}
