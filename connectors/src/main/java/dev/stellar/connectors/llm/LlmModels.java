package dev.stellar.connectors.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

/**
 * Builds the configured chat model: temperature 0, structured output by JSON schema where the provider supports it.
 * One place, used by the application's configuration and by the evaluation command.
 */
public final class LlmModels {

    private LlmModels() {
    }

    public static ChatModel chatModel(LlmProperties llm) {
        if (llm.model() == null || llm.model().isBlank()) {
            throw new IllegalArgumentException("stellar.llm.model is not set for provider '" + llm.provider() + "'");
        }
        return switch (llm.provider()) {
            case "openai" -> OpenAiChatModel.builder()
                    .baseUrl(blankToNull(llm.baseUrl()))
                    .apiKey(llm.apiKey() == null ? "not-needed" : llm.apiKey())
                    .modelName(llm.model())
                    .temperature(0.0)
                    .maxTokens(llm.maxTokens())
                    .timeout(llm.timeout())
                    .maxRetries(0) // one attempt: a failure falls back to the offline rules at once
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .strictJsonSchema(true)
                    .build();
            case "anthropic" -> AnthropicChatModel.builder()
                    .baseUrl(blankToNull(llm.baseUrl()))
                    .apiKey(llm.apiKey())
                    .modelName(llm.model())
                    .temperature(0.0)
                    .maxTokens(llm.maxTokens())
                    .timeout(llm.timeout())
                    .maxRetries(0)
                    .build();
            case "ollama" -> OllamaChatModel.builder()
                    .baseUrl(llm.baseUrl() == null || llm.baseUrl().isBlank() ? "http://localhost:11434" : llm.baseUrl())
                    .modelName(llm.model())
                    .temperature(0.0)
                    .timeout(llm.timeout())
                    .maxRetries(0)
                    .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
                    .build();
            default -> throw new IllegalArgumentException("stellar.llm.provider '" + llm.provider()
                    + "' is not one of openai, anthropic, ollama");
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
