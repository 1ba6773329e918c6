package dev.stellar.workflows;

import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import java.util.Arrays;

/**
 * Failure types that retrying cannot fix. Activities throw them as non-retryable
 * {@code ApplicationFailure}s whose type is the enum name; retry options list them as do-not-retry.
 */
public enum Errors {
    /** The transcript file cannot be parsed; the message names the line. */
    MALFORMED_TRANSCRIPT,
    /** The stored transcript the workflow points at does not exist. */
    TRANSCRIPT_NOT_FOUND,
    /** The meeting row is gone (deleted, or another organisation's id). */
    MEETING_NOT_FOUND,
    /** The draft is gone, or belongs to another organisation. */
    DRAFT_NOT_FOUND,
    /** The sequence enrollment is gone, or belongs to another organisation. */
    ENROLLMENT_NOT_FOUND,
    /** The platform will not hand over the recording file (gone, refused, not allowed); the message says which. */
    DOWNLOAD_FAILED,
    /** The mail server refused the message for good (an address, the login), or there is no mailbox to send from. */
    EMAIL_REJECTED,
    /** The CRM refused for good (credentials, scopes, a request it will never take), or the mapping cannot be used. */
    CRM_REFUSED,
    /** A rule's action cannot be carried out as written (a sequence that does not exist, nobody to enroll). */
    ACTION_FAILED;

    /** The message of the first failure in the chain typed by one of these, as its activity worded it for people. */
    public static Optional<String> typedMessage(Throwable failure) {
        List<String> types = Arrays.asList(typeNames());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApplicationFailure typed && types.contains(typed.getType())) {
                return Optional.of(typed.getOriginalMessage());
            }
        }
        return Optional.empty();
    }

    /** All type names, for {@code RetryOptions.setDoNotRetry}. */
    public static String[] typeNames() {
        return Arrays.stream(values()).map(Enum::name).toArray(String[]::new);
    }
}
