package dev.stellar.workers.coaching;

import java.util.List;

/**
 * A call scored against a scorecard.
 *
 * @param score        met criteria over judged criteria, 0..1
 * @param strengths    what went well, up to three
 * @param improvements one to three concrete things to do differently
 * @param scoredBy     {@code offline} or the language model that judged the rep's words
 */
public record CallScore(String scorecardKey, String scorecardName, double score, List<CriterionResult> criteria,
                        List<String> strengths, List<Improvement> improvements, String scoredBy) {

    /**
     * @param evidenceQuote the words that meet it, verbatim from the utterance {@code evidenceSeq}, or {@code null}
     * @param measured      for a metric, the measured value as people read it ("71% of the talk"), else {@code null}
     */
    public record CriterionResult(String key, String label, boolean met, String evidenceQuote, Integer evidenceSeq,
                                  Long evidenceStartMs, String measured) {
    }

    /** @param momentSeq the utterance where it would have helped (for the coaching task's link), or {@code null} */
    public record Improvement(String criterionKey, String tip, Integer momentSeq, Long momentMs) {
    }

    public int met() {
        return (int) criteria.stream().filter(CriterionResult::met).count();
    }
}
