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

    @Test
    void aSpouseWhoSaysSoIsNotTheClientAndARemarriageIsAMarriage() {
        CallText call = call(
                "Dan Reyes", "Hi, it's Dan, Dan Reyes, Ada's husband. She's just coming.",
                REP, "Hi Dan, no rush.",
                "Ada Okafor", "Hi, sorry! I'm the one who filled out the form.",
                REP, "So what brings you in?",
                "Ada Okafor", "It's a second marriage for both of us. I have two from before, and there's my divorce to think about.");

        assertThat(People.clientName(call, field("client_name")).orElseThrow().value()).isEqualTo("Ada Okafor");
        assertThat(People.maritalStatus(call, field("marital_status")).orElseThrow().value()).isEqualTo("married");
        assertThat(People.spouseName(call, field("spouse_name")).orElseThrow().value()).isEqualTo("Dan Reyes");
    }

    @Test
    void theSpouseNamedInTheNextSentenceAndAnOnlyChild() {
        CallText call = call(
                REP, "Any children?",
                CLIENT, "Leo is my only kid. He's seven.",
                REP, "And the documents?",
                CLIENT, "I'll need to talk to my wife. Priya handles all of that.");

        assertThat(People.children(call, field("children")).orElseThrow().value()).isEqualTo(1);
        assertThat(People.spouseName(call, field("spouse_name")).orElseThrow().value()).isEqualTo("Priya");
    }

    @Test
    void thePickedProductSetsThePriceAndAnAddOnDoesNot() {
        CallText call = call(
                REP, "What I'd recommend first is a durable power of attorney. The durable power of attorney is seven hundred"
                        + " and fifty dollars.",
                REP, "We also have a full package, with the will and directive, that's thirty-one hundred.",
                REP, "And a trust would be an add-on, another twenty-eight hundred.",
                CLIENT, "Let's start with the POA.");

        assertThat(amount(Amounts.dealAmount(call, field("deal_amount")).orElseThrow())).isEqualByComparingTo("750");
        assertThat(Products.product(call, field("product")).orElseThrow().value()).isEqualTo("power_of_attorney");
    }

    @Test
    void objectionsSaidNegatedOrAboutAnotherProductDoNotCount() {
        CallText call = call(
                REP, "For a will with the trust for the kids, it's fourteen hundred and fifty dollars, flat.",
                CLIENT, "Fourteen-fifty. That's more than I figured.",
                REP, "You could add a power of attorney, which is another three hundred and fifty.",
                CLIENT, "The POA, maybe later.",
                CLIENT, "Just the will. Let's do it, I don't want to think about it again.");

        assertThat(Objections.objections(call, field("objections")).orElseThrow().value()).isEqualTo(List.of("price"));
    }

    @Test
    void aLowerQuoteElsewhereAndWantingTheSpouseInAreObjections() {
        CallText call = call(
                REP, "For the irrevocable life insurance trust, our fee is nine thousand five hundred.",
                CLIENT, "Another firm quoted me seven. Seven thousand.",
                CLIENT, "And my wife Mei has to see it. I'd want Mei to hear all this before I agree to anything.");

        assertThat(amount(Amounts.dealAmount(call, field("deal_amount")).orElseThrow())).isEqualByComparingTo("9500");
        assertThat(Objections.objections(call, field("objections")).orElseThrow().value())
                .isEqualTo(List.of("price", "need_spouse_approval"));
    }

    @Test
    void goingWithSomeoneTheAdviserNeverNamedIsLost() {
        CallText call = call(
                REP, "I'm Fiona, with Bayview Elder Law.",
                CLIENT, "Our cousin Sal is a lawyer.",
                CLIENT, "I think we'll probably go with Sal. Sorry to take up your time.");

        assertThat(Outcomes.outcome(call, field("outcome")).orElseThrow().value()).isEqualTo("Lost");
    }

    @Test
    void offersUnderWayCommitmentsRemindersAndTheProposedMeeting() {
        List<String> lines = new ArrayList<>(List.of(
                REP, "Thanks for your time today.",
                CLIENT, "Sure.",
                REP, "Tell me about your family.",
                CLIENT, "It's just me and my two kids.",
                REP, "A living trust avoids probate.",
                CLIENT, "Then that's what I want."));
        lines.addAll(List.of(
                REP, "So next steps. I'm sending a trust questionnaire this afternoon.",
                REP, "Sam, if you can also gather the deed to the house, that'd help.",
                REP, "And let's put the signing on the calendar. How's Tuesday the 24th, two in the afternoon, at our office?",
                CLIENT, "The 24th at two, yes.",
                REP, "Great, I'll send a calendar invite for Tuesday the 24th at two.",
                REP, "And don't forget to ask your accountant about the 401k beneficiary."));
        CallText call = call(lines.toArray(String[]::new));

        Object steps = NextSteps.nextSteps(call, field("next_steps")).orElseThrow().value();

        assertThat(steps).isEqualTo(List.of(
                "sending a trust questionnaire this afternoon",
                "gather the deed to the house, that'd help",
                "signing, Tuesday the 24th, two in the afternoon, at our office",
                "ask your accountant about the 401k beneficiary"));
    }

    @Test
    void anOfferAskedAsAQuestionAndALaterReplyAgreedAreSteps() {
        List<String> lines = new ArrayList<>(List.of(
                REP, "Thanks for your time today.",
                CLIENT, "Sure.",
                REP, "Tell me about your family.",
                CLIENT, "It's just me and my two kids.",
                REP, "The plan is twenty-two hundred.",
                CLIENT, "I need to sleep on it."));
        lines.addAll(List.of(
                REP, "What if I send you a breakdown of the plan by email, and you can go through it at home?",
                CLIENT, "Yes, please.",
                CLIENT, "Can we just get back to you after spring break?",
                REP, "Sure, no problem."));
        CallText call = call(lines.toArray(String[]::new));

        Object steps = NextSteps.nextSteps(call, field("next_steps")).orElseThrow().value();

        assertThat(steps).isEqualTo(List.of("send you a breakdown of the plan by email", "get back to you after spring break"));
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
