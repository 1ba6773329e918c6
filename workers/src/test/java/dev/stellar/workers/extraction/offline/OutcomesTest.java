package dev.stellar.workers.extraction.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.transcript.Utterance;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The outcome rule is not fooled by its own words. */
class OutcomesTest {

    private static final FieldSchema ESTATE = BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING);

    @Test
    void outcomesAreNotFooledByTheirOwnWords() {
        assertThat(outcomeOf("We've decided to go with you, honestly.")).isEqualTo("Won");
        assertThat(outcomeOf("We won't go ahead with it this year.")).isEqualTo("Lost");
        assertThat(outcomeOf("Great, let's get started with introductions.")).isEqualTo("Pending");
    }

    private static String outcomeOf(String customerSays) {
        List<Utterance> call = List.of(
                new Utterance(0, "Riley Rep", 0L, 4_000L, "So, where do we go from here?"),
                new Utterance(1, "Sam Buyer", 4_000L, 9_000L, customerSays));
        CallText text = new CallText(new ExtractionContext(call, Set.of("Riley Rep"), "Riley Rep", LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 10), ESTATE));
        return (String) Outcomes.outcome(text, ESTATE.field("outcome").orElseThrow()).orElseThrow().value();
    }
}
