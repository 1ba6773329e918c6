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

/** The estate-planning rules that weigh context: corrections, repeats, decoy amounts, requests answered. */
class EstatePlanningRulesTest {

    private static final String REP = "Dana Reyes";
    private static final String CLIENT = "Sam Ortiz";
    private static final FieldSchema SCHEMA = BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING);

    @Test
    void estateValueIsTheCorrectedTotalTheAdviserRepeats() {
        CallText call = call(
                REP, "Roughly what do you have, all together? The house, savings, retirement?",
                CLIENT, "So the house is maybe six hundred thousand. And retirement about two hundred. So eight hundred— no wait, "
                        + "I forgot the cabin. More like one point one.",
                REP, "One point one million. Great, thank you.");

        assertThat(amount(Amounts.estateValue(call, field("estate_value")).orElseThrow())).isEqualByComparingTo("1100000");
    }

    @Test
    void dealAmountIsTheLoweredPriceNotTheAlternativeNorTheInstalment() {
        CallText call = call(
                REP, "A simple will on its own is nine fifty.",
                REP, "The Family Protection Plan is forty-five hundred dollars for both of you.",
                CLIENT, "Forty-five hundred. My neighbor did hers online for like three hundred bucks.",
                REP, "If you start today I can do it for forty-two hundred. Or it's three-fifty a month for twelve months.",
                CLIENT, "Forty-two hundred, okay. Let's do it.");

        assertThat(amount(Amounts.dealAmount(call, field("deal_amount")).orElseThrow())).isEqualByComparingTo("4200");
        assertThat(Products.product(call, field("product")).orElseThrow().value()).isEqualTo("estate_plan_package");
        assertThat(Objections.objections(call, field("objections")).orElseThrow().value()).isEqualTo(List.of("price"));
    }

    @Test
    void aRequestTheClientAcceptsBecomesOneStepWithTheClientsVerb() {
        List<String> lines = new ArrayList<>(List.of(
                REP, "Thanks for your time today.",
                CLIENT, "Sure.",
                REP, "Tell me about your family.",
                CLIENT, "It's just me and my two kids.",
                REP, "And what made you reach out now?",
                CLIENT, "My sister went through probate last year. It took forever.",
                REP, "I'm sorry. A living trust avoids that.",
                CLIENT, "Then that's what I want. Let's do the trust."));
        lines.addAll(List.of(
                REP, "So, next steps. I'll email you the intake forms today. I'll also need the deed to the house.",
                CLIENT, "I'll text it— sorry, I'll scan it tonight.",
                REP, "Perfect. Then we'll do the signing appointment at our office. And please bring your old will.",
                CLIENT, "I'll find it.",
                REP, "How's Thursday the 12th?",
                CLIENT, "Thursday works. Ten o'clock?",
                REP, "Ten o'clock on Thursday the 12th. I'll send the calendar invite."));
        CallText call = call(lines.toArray(String[]::new));

        Object steps = NextSteps.nextSteps(call, field("next_steps")).orElseThrow().value();

        assertThat(steps).isEqualTo(List.of(
                "email you the intake forms today",
                "scan the deed to the house",
                "bring your old will",
                "signing appointment at our office, Ten o'clock on Thursday the 12th"));
    }

    @Test
    void theGrownChildHelpingIsNeitherTheClientNorTheSpouse() {
        CallText call = call(
                REP, "Hello, Mrs. Ortiz? It's Dana from Harbor Estate Law.",
                "Maria Ortiz", "Yes, dear, my son set this up.",
                "Luis Ortiz", "Hi, I'm her son, Luis. Mom, tell her about the house.",
                REP, "Are you married, Maria?",
                "Maria Ortiz", "I'm a widow. My husband passed in 2019.");

        assertThat(People.clientName(call, field("client_name")).orElseThrow().value()).isEqualTo("Maria Ortiz");
        assertThat(People.maritalStatus(call, field("marital_status")).orElseThrow().value()).isEqualTo("widowed");
        assertThat(People.spouseName(call, field("spouse_name"))).isEmpty();
    }

    private static CallText call(String... speakerThenText) {
        List<Utterance> utterances = new ArrayList<>();
        for (int i = 0; i < speakerThenText.length; i += 2) {
            int seq = i / 2;
            utterances.add(new Utterance(seq, speakerThenText[i], seq * 5_000L, seq * 5_000L + 4_000, speakerThenText[i + 1]));
        }
        LocalDate day = LocalDate.of(2026, 3, 2);
        return new CallText(new ExtractionContext(utterances, Set.of(REP), null, day, day, SCHEMA));
    }

    private static FieldDefinition field(String key) {
        return SCHEMA.fields().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private static BigDecimal amount(Finding finding) {
        return new BigDecimal(String.valueOf(((Map<?, ?>) finding.value()).get("amount")));
    }
}
