package dev.stellar.workers.extraction.llm;

/** The language model could not extract: it failed, or answered something other than the asked JSON. */
public class LlmExtractionException extends RuntimeException {

    public LlmExtractionException(String message, Throwable cause) {
        super(message, cause);
    }
}
