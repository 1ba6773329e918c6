package dev.stellar.workers.llm;

/** The language model could not be used: it failed, or answered something other than the asked JSON. */
public class LlmAnswerException extends RuntimeException {

    public LlmAnswerException(String message, Throwable cause) {
        super(message, cause);
    }
}
