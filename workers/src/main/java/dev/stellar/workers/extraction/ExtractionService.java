package dev.stellar.workers.extraction;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.stellar.connectors.llm.LlmProperties;
import dev.stellar.workers.llm.LlmAnswerException;
import dev.stellar.workers.extraction.llm.LlmInsightExtractor;
import dev.stellar.workers.extraction.offline.OfflineInsightExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs the configured extractor: the language model when one is configured, else the offline rules. When the model
 * fails, the offline rules take over at once and the meeting says so; the fields are never held back for it.
 */
@Service
public class ExtractionService {

    private static final Logger log = LoggerFactory.getLogger(ExtractionService.class);
    static final String OFFLINE = "offline";

    private final OfflineInsightExtractor offline;
    private final LlmInsightExtractor llm;
    private final String llmLabel;

    public ExtractionService(OfflineInsightExtractor offline, ObjectProvider<ChatModel> chatModel, LlmProperties llmProperties,
                             ObjectMapper json) {
        this.offline = offline;
        ChatModel model = chatModel.getIfAvailable();
        this.llm = model == null ? null : new LlmInsightExtractor(model, json);
        this.llmLabel = llmProperties.label();
    }

    public Extraction extract(ExtractionContext context) {
        if (llm == null) {
            return new Extraction(offline.extract(context), OFFLINE, null);
        }
        try {
            LlmInsightExtractor.Result result = llm.extractChecked(context);
            return new Extraction(result.fields(), llmLabel, result.dropped() == 0 ? null
                    : result.dropped() + " of the model's answers had no verbatim evidence or the wrong type and were dropped");
        } catch (LlmAnswerException e) {
            log.warn("LLM extraction failed, using the offline rules", e); // details for operators, not for every user
            return new Extraction(offline.extract(context), OFFLINE,
                    "The language model (" + llmLabel + ") could not be used, so the offline rules extracted these fields.");
        }
    }
}
