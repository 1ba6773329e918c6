package dev.stellar.playbooks.benchmark;

/**
 * A best-practice range for one conversation metric. Either bound may be open.
 *
 * @param min      lowest value inside the range, or {@code null}
 * @param max      highest value inside the range, or {@code null}
 * @param guidance one sentence a rep can act on
 */
public record BestPractice(Double min, Double max, String guidance) {

    public boolean contains(double value) {
        return (min == null || value >= min) && (max == null || value <= max);
    }
}
