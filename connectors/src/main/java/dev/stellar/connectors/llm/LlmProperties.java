package dev.stellar.connectors.llm;

import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param provider  {@code openai} (and any OpenAI-compatible server, by {@code baseUrl}), {@code anthropic},
 *                  {@code ollama}, or empty for the offline agents
 * @param baseUrl   the server, e.g. {@code http://localhost:8000/v1} for vLLM; the provider's default when empty
 * @param apiKey    the provider's key (not needed by Ollama)
 * @param model     the model name, e.g. {@code gpt-4o-mini}, {@code claude-3-5-haiku-latest}, {@code llama3.1}
 * @param timeout   per request (one attempt: the meeting falls back to the offline rules rather than wait)
 * @param maxTokens the longest answer
 */
@ConfigurationProperties("stellar.llm")
public record LlmProperties(String provider, String baseUrl, String apiKey, String model, Duration timeout,
                            Integer maxTokens) {

    public LlmProperties {
        provider = provider == null ? "" : provider.strip().toLowerCase(Locale.ROOT);
        // well inside the extraction activity's two minutes, so a hanging model still leaves time to fall back
        timeout = timeout == null ? Duration.ofSeconds(45) : timeout;
        maxTokens = maxTokens == null ? 4096 : maxTokens;
    }

    public boolean configured() {
        return !provider.isEmpty() && !provider.equals("none") && !provider.equals("offline");
    }

    /** How the meeting names the extractor that ran, e.g. {@code openai:gpt-4o-mini}. */
    public String label() {
        return provider + (model == null ? "" : ":" + model);
    }
}
