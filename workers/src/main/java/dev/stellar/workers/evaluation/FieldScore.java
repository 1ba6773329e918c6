package dev.stellar.workers.evaluation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one field fared over a folder. For single values, a wrong value counts as both a false positive and a
 * false negative; for lists, items are counted one by one (so objection F1 is over objections, not calls).
 *
 * @param correct calls where the field was exactly right (both empty counts as right)
 * @param total   calls whose schema has the field
 */
public record FieldScore(String schema, String key, int truePositives, int falsePositives, int falseNegatives,
                         int correct, int total) {

    @JsonProperty
    public double precision() {
        int predicted = truePositives + falsePositives;
        return predicted == 0 ? 1.0 : (double) truePositives / predicted;
    }

    @JsonProperty
    public double recall() {
        int relevant = truePositives + falseNegatives;
        return relevant == 0 ? 1.0 : (double) truePositives / relevant;
    }

    @JsonProperty
    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @JsonProperty
    public double accuracy() {
        return total == 0 ? 1.0 : (double) correct / total;
    }

    FieldScore plus(int tp, int fp, int fn, boolean right) {
        return new FieldScore(schema, key, truePositives + tp, falsePositives + fp, falseNegatives + fn,
                correct + (right ? 1 : 0), total + 1);
    }
}
