package dev.stellar.workers.transcript;

/**
 * One turn of speech.
 *
 * @param seq     position in the transcript, from 0
 * @param startMs start in the recording, {@code null} when the format carries no times
 * @param endMs   end in the recording, {@code null} when unknown
 */
public record Utterance(int seq, String speaker, Long startMs, Long endMs, String text) {
}
