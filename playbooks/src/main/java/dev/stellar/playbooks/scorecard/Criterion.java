package dev.stellar.playbooks.scorecard;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/**
 * One thing a good call does.
 *
 * @param key      stable key, {@code snake_case}
 * @param label    what the rep reads ("Asked about the family")
 * @param kind     how it is judged
 * @param phrases  for {@code asked} and {@code said}: words the rep uses when doing it
 * @param metric   for {@code metric}: which conversation metric ({@code rep_talk_ratio}, {@code longest_rep_monologue_s},
 *                 {@code rep_questions}, {@code patience_s}, {@code rep_fillers_per_100_words})
 * @param min      for {@code metric}: the lowest good value, or {@code null}
 * @param max      for {@code metric}: the highest good value, or {@code null}
 * @param field    for {@code field}: the extracted field that must have a value
 * @param tip      the concrete improvement when missed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Criterion(String key, String label, Kind kind, List<String> phrases, String metric, Double min, Double max,
                        String field, String tip) {

    public Criterion {
        phrases = phrases == null ? List.of() : List.copyOf(phrases);
    }

    /** How a criterion is judged. */
    public enum Kind {
        /** The rep asked a question with one of the phrases. */
        ASKED,
        /** The rep said one of the phrases. */
        SAID,
        /** A conversation metric is within its range. */
        METRIC,
        /** The call established an extracted field (a budget, a next meeting). */
        FIELD;

        @JsonValue
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        @JsonCreator
        public static Kind ofKey(String key) {
            return valueOf(key.toUpperCase(Locale.ROOT));
        }
    }
}
