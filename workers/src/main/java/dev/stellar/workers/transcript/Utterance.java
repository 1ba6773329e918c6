package dev.stellar.workers.transcript;

import java.util.regex.Pattern;

/**
 * One turn of speech.
 *
 * @param seq     position in the transcript, from 0
 * @param startMs start in the recording, {@code null} when the format carries no times
 * @param endMs   end in the recording, {@code null} when unknown
 */
public record Utterance(int seq, String speaker, Long startMs, Long endMs, String text) {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** How many words were said. */
    public int words() {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : WHITESPACE.split(trimmed).length;
    }
}
