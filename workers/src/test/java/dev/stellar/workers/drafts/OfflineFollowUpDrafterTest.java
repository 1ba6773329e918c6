package dev.stellar.workers.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineFollowUpDrafterTest {

    private final OfflineFollowUpDrafter drafter = new OfflineFollowUpDrafter(new ObjectMapper());

    @Test
    void theEmailStatesOnlyExtractedFactsEachWithItsQuote() {
        List<ExtractedField> fields = List.of(
                field("client_name", "\"Margaret Chen\"", "My name is Margaret Chen", 1),
                field("product", "\"revocable_living_trust\"", "a revocable living trust usually makes the most sense", 8),
                field("deal_amount", "{\"amount\":4500,\"currency\":\"USD\"}", "is 4,500 dollars", 12),
                field("objections", "[\"price\"]", "that's a lot of money", 13),
                field("next_steps", "[\"send you the intake questionnaire tonight\"]", "I'll send you the intake questionnaire tonight", 20),
                field("follow_up_date", "\"2026-03-24\"", "two weeks from today", 22));

        List<Draft> drafts = drafter.draft(new DraftingContext("Chen consultation", List.of("Margaret Chen", "David Chen"),
                "Riley Rep", BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING), fields, LocalDate.of(2026, 3, 10)));

        Draft email = drafts.get(0);
        assertThat(email.kind()).isEqualTo(Draft.Kind.EMAIL);
        assertThat(email.body()).startsWith("Hi Margaret,")
                .contains("We talked through the revocable living trust at $4,500.")
                .contains("You mentioned the cost")
                .contains("- Send you the intake questionnaire tonight")
                .contains("We are set to speak again on Tuesday, March 24.")
                .endsWith("Riley Rep")
                .doesNotContain("payment");
        assertThat(email.grounding()).extracting(Draft.Grounding::field)
                .containsExactlyInAnyOrder("client_name", "product", "deal_amount", "objections", "next_steps", "follow_up_date");
        Draft post = drafts.get(1);
        assertThat(post.kind()).isEqualTo(Draft.Kind.SOCIAL);
        assertThat(post.body()).doesNotContain("Margaret", "Chen", "4,500", "4500");
    }

    @Test
    void withoutFactsTheDraftSaysLessRatherThanInventing() {
        List<Draft> drafts = drafter.draft(new DraftingContext("Intro call", List.of("Kim Lopez"), null,
                BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY), List.of(), LocalDate.of(2026, 3, 10)));

        assertThat(drafts.get(0).body()).isEqualTo("Hi Kim,\n\nThank you for taking the time to talk today.\n\nBest regards,");
        assertThat(drafts.get(0).subject()).isEqualTo("Following up: Intro call");
        assertThat(drafts.get(0).grounding()).isEmpty();
    }

    private static ExtractedField field(String key, String value, String quote, int seq) {
        return new ExtractedField(key, value, 0.8, quote, seq * 1000L, seq, null);
    }
}
