package dev.stellar.workers.extraction.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.transcript.Utterance;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The discovery rules most easily fooled: decoy competitors, corrected budgets, "she signs it", the closing stage. */
class DiscoveryRulesTest {

    private static final FieldSchema B2B = BuiltInSchemas.get("b2b-discovery");

    @Test
    void aRepsExampleOrADeniedProductIsNoCompetitor() {
        CallText call = call(
                "Rep: Are you on any routing tool today?",
                "Buyer: Yeah, Fleetio. They've been pitching us their planning add-on, too.",
                "Rep: A lot of fleets come to us from Descartes or Trimble.",
                "Buyer: We never looked at Descartes. At my old job we had Omnitracs.",
                "Buyer: We also got a quote from RouteMax last week.",
                "Rep: And we sit on top of Dentrix, so you'd keep that.");
        assertThat(Discovery.competitors(call, field("competitors")))
                .map(Finding::value).contains(List.of("Fleetio", "RouteMax"));
    }

    @Test
    void aCorrectedShorthandBudgetWinsOverWhatIsPaidToday() {
        CallText call = call(
                "Rep: Do you have a budget for this?",
                "Buyer: Last year we spent forty-two thousand on the old system.",
                "Buyer: For this our budget is sixty— no, sorry, seventy. Seventy thousand euros.",
                "Buyer: And the other vendor quoted us sixty-eight.");
        assertThat(Discovery.competitors(call, field("competitors"))).isEmpty();
        assertThat(Budgets.budget(call, field("budget"))).map(Finding::value)
                .contains(Map.of("amount", new BigDecimal("70000"), "currency", "EUR"));
    }

    @Test
    void aPronounSignerIsThePersonJustNamed() {
        CallText call = call(
                "Rep: Who else is involved in the decision?",
                "Buyer: I'll drive it. But it has to go through Linda. Linda Okafor, she's our COO. She signs it.");
        assertThat(Discovery.authority(call, field("authority"))).map(Finding::value).contains("Linda Okafor");
    }

    @Test
    void aTitleSignerStaysATitleWhenNobodyIsNamed() {
        CallText call = call(
                "Rep: How does a decision get made?",
                "Buyer: I'll recommend. But the CFO signs.");
        assertThat(Discovery.authority(call, field("authority"))).map(Finding::value).contains("CFO");
    }

    @Test
    void aPlannedDemoLeavesTheCallAtDiscovery() {
        CallText call = call(
                "Buyer: I don't want a demo yet, I want to know if you fit.",
                "Rep: Next step is a proper demo, and I'll send pricing after that.",
                "Buyer: Sounds good.");
        assertThat(DealStages.dealStage(call, field("deal_stage"))).map(Finding::value).contains("discovery");
    }

    @Test
    void choosingAnotherVendorClosesTheDealLost() {
        CallText call = call(
                "Buyer: We're going with Observe. The contract was signed Friday.",
                "Rep: Okay. I'm bummed, but thanks for telling me.");
        assertThat(DealStages.dealStage(call, field("deal_stage"))).map(Finding::value).contains("closed_lost");
    }

    private static FieldDefinition field(String key) {
        return B2B.field(key).orElseThrow();
    }

    private static CallText call(String... lines) {
        List<Utterance> utterances = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            utterances.add(new Utterance(utterances.size(), line.substring(0, colon), null, null, line.substring(colon + 1).strip()));
        }
        LocalDate day = LocalDate.of(2026, 2, 10);
        return new CallText(new ExtractionContext(utterances, Set.of("Rep"), null, day, day, B2B));
    }
}
