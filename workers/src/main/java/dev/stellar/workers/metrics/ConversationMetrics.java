package dev.stellar.workers.metrics;

import java.util.List;

/**
 * How a meeting was conducted. Time-based values are {@code null} when the transcript has no times.
 *
 * @param durationMs             first word to last word
 * @param repTalkRatio           the reps' share of the talk time (of the words when untimed), 0..1
 * @param longestRepMonologue    the reps' longest uninterrupted turn
 * @param longestCustomerStory   the customers' longest uninterrupted turn
 * @param repQuestions           questions the reps asked
 * @param customerQuestions      questions the customers asked
 * @param switchesPerMinute      speaker changes per minute (interactivity)
 * @param patienceMs             the reps' average pause before answering a customer
 * @param repWordsPerMinute      the reps' pace
 * @param repFillersPer100Words  um, uh, you know... per 100 words the reps said
 */
public record ConversationMetrics(Long durationMs, Double repTalkRatio, Monologue longestRepMonologue,
                                  Monologue longestCustomerStory, int repQuestions, int customerQuestions,
                                  Double switchesPerMinute, Long patienceMs, Double repWordsPerMinute,
                                  Double repFillersPer100Words, List<SpeakerMetrics> speakers) {

    public ConversationMetrics {
        speakers = List.copyOf(speakers);
    }

    /** One uninterrupted turn: consecutive utterances of one speaker, brief acknowledgements of others aside. */
    public record Monologue(String speaker, long startMs, long durationMs) {
    }

    /**
     * @param talkRatio share of the talk time (of the words when untimed), 0..1
     */
    public record SpeakerMetrics(String speaker, boolean rep, int words, long talkMs, double talkRatio,
                                 Double wordsPerMinute, int questions, int fillerWords, long longestTurnMs) {
    }
}
