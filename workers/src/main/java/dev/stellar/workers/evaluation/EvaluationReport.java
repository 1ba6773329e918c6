package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an evaluation run measured.
 *
 * @param fields          per schema and field, in schema order
 * @param exactCalls      calls with every field exactly right
 * @param evidenceValid   emitted values whose evidence quote is verbatim in the utterance it names
 * @param evidenceChecked emitted values (each must carry a quote)
 * @param misses          every wrong or missing value, for reading why
 */
public record EvaluationReport(String folder, int calls, long words, double seconds, List<FieldScore> fields,
                               int exactCalls, int evidenceValid, int evidenceChecked, List<Miss> misses) {

    /** A field the extractor got wrong in one call. */
    public record Miss(String call, String schema, String field, String expected, String actual) {
    }

    /** Exactly-right fields over all (call, field) pairs. */
    @JsonProperty
    public double fieldAccuracy() {
        int total = fields.stream().mapToInt(FieldScore::total).sum();
        return total == 0 ? 1.0 : (double) fields.stream().mapToInt(FieldScore::correct).sum() / total;
    }

    @JsonProperty
    public double evidenceValidity() {
        return evidenceChecked == 0 ? 1.0 : (double) evidenceValid / evidenceChecked;
    }

    /** F1 of a field over every schema that has it (items counted together). */
    public double f1(String key) {
        List<FieldScore> scores = fields.stream().filter(s -> s.key().equals(key)).toList();
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("no field '" + key + "' in the evaluated schemas");
        }
        FieldScore sum = new FieldScore("*", key,
                scores.stream().mapToInt(FieldScore::truePositives).sum(),
                scores.stream().mapToInt(FieldScore::falsePositives).sum(),
                scores.stream().mapToInt(FieldScore::falseNegatives).sum(),
                scores.stream().mapToInt(FieldScore::correct).sum(),
                scores.stream().mapToInt(FieldScore::total).sum());
        return sum.f1();
    }

    @JsonProperty
    public double callsPerMinute() {
        return seconds == 0 ? 0 : calls * 60.0 / seconds;
    }

    @JsonProperty
    public double wordsPerSecond() {
        return seconds == 0 ? 0 : words / seconds;
    }
}
