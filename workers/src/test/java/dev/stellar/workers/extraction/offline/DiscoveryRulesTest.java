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

    @Test
    void theLegalNameAndItsShortFormWinOverALoneBusinessWord() {
        CallText call = call(
                "Buyer: Hotels never sleep, sorry I'm late.",
                "Rep: No problem. I have you down as Bellweather Hospitality.",
                "Buyer: The legal name is Bellweather Stays Pty Ltd. Everyone just says Bellweather.");
        assertThat(Discovery.company(call, field("company"))).map(Finding::value).contains("Bellweather Stays");
    }

    @Test
    void aCorrectedCompanyNameWinsOverTheOneItCorrects() {
        CallText call = call(
                "Rep: So that's Dunmore Freight, sixty trucks?",
                "Buyer: Dunmore Freight Lines. Dunmore Freight was my father's outfit.",
                "Rep: Dunmore Freight Lines, got it.");
        assertThat(Discovery.company(call, field("company"))).map(Finding::value).contains("Dunmore Freight Lines");
    }

    @Test
    void herSignatureIsTheFirstNameJustSaid() {
        CallText call = call(
                "Rep: Who signs off on something like this?",
                "Buyer: My boss, Priya. Anything over ten grand, it's her signature.");
        assertThat(Discovery.authority(call, field("authority"))).map(Finding::value).contains("Priya");
    }

    @Test
    void mySignatureIsTheSpeakerInFullWhenTheCallSaysIt() {
        CallText call = call(
                "Rep: Let me read back what I have. Dan Okoro, owner, forty trucks.",
                "Dan: Right. And it's my call, nobody else's.");
        assertThat(Discovery.authority(call, field("authority"))).map(Finding::value).contains("Dan Okoro");
    }

    @Test
    void aGroupDecisionIsTheGroupAsTheCallNamesIt() {
        CallText call = call(
                "Rep: Who decides?",
                "Buyer: It's a partners' decision. There are two of us and it has to be unanimous.",
                "Rep: So the two partners, unanimous.");
        assertThat(Discovery.authority(call, field("authority"))).map(Finding::value).contains("the two partners");
    }

    @Test
    void aBudgetInNamedDollarsKeepsItsCurrency() {
        CallText call = call(
                "Rep: Is there a budget?",
                "Buyer: Our line item is eighty thousand Canadian a year.");
        assertThat(Budgets.budget(call, field("budget"))).map(Finding::value)
                .contains(Map.of("amount", new BigDecimal("80000"), "currency", "CAD"));
        CallText corrected = call(
                "Buyer: My budget is forty thousand, sorry, Australian, forty thousand Australian dollars a year.");
        assertThat(Budgets.budget(corrected, field("budget"))).map(Finding::value)
                .contains(Map.of("amount", new BigDecimal("40000"), "currency", "AUD"));
    }

    @Test
    void theAnswerToTheTimingQuestionBeatsAnEarlierWish() {
        CallText call = call(
                "Buyer: I need it fixed before the holidays.",
                "Rep: On timing, what does that mean in real dates?",
                "Buyer: Live by mid-November. After that we freeze everything.");
        assertThat(Discovery.timeline(call, field("timeline"))).map(Finding::value).contains("Live by mid-November");
    }

    @Test
    void aDeniedDeadlineIsNoTimeline() {
        CallText call = call(
                "Rep: And timing? Is there a date this needs to happen by?",
                "Buyer: Not really. Sometime in the spring. We're not changing anything before Christmas.");
        assertThat(Discovery.timeline(call, field("timeline"))).map(Finding::value).contains("Sometime in the spring");
    }

    @Test
    void aVolunteeredDeadlineKeepsWhatIsWantedAndTheEventThatSetsIt() {
        CallText wanted = call("Buyer: And look, I want the crews on it by the first of the month.");
        assertThat(Discovery.timeline(wanted, field("timeline"))).map(Finding::value)
                .contains("the crews on it by the first of the month");
        CallText event = call(
                "Rep: When do you need this live?",
                "Buyer: We need it live by March first, when the new site opens.");
        assertThat(Discovery.timeline(event, field("timeline"))).map(Finding::value)
                .contains("live by March first, when the new site opens");
    }

    @Test
    void rivalsAreFoundByAnswerByReferenceAndInFull() {
        CallText call = call(
                "Rep: Who else are you talking to?",
                "Buyer: Kyvex. They did a pilot with us in March, on Brazilian documents only.",
                "Buyer: We also had Tillgate in here two weeks ago.",
                "Rep: Would you consider staying on Moodle?",
                "Buyer: I looked at that. We're not looking at Canvas.",
                "Buyer: Honestly, we nearly went with Exo. Exostar.");
        assertThat(Discovery.competitors(call, field("competitors"))).map(Finding::value)
                .contains(List.of("Kyvex", "Tillgate", "Moodle", "Exostar"));
    }

    @Test
    void aRivalsQuoteDoesNotMakeADemoAProposal() {
        CallText call = call(
                "Rep: Let me show you the intake screen. I'm sharing now.",
                "Buyer: We've got a quote from them, and their pricing is lower.",
                "Rep: Let me click over to the chart. You asked me for pricing, so it's ninety a month.");
        assertThat(DealStages.dealStage(call, field("deal_stage"))).map(Finding::value).contains("demo");
    }

    @Test
    void concessionsMakeItANegotiation() {
        CallText call = call(
                "Rep: So here's where I can move.",
                "Rep: The setup fee, I can waive entirely if you sign a two-year term.",
                "Rep: On one year, I can halve it.",
                "Buyer: Forty-one is still over forty.",
                "Rep: Then I can get you to thirty-eight.");
        assertThat(DealStages.dealStage(call, field("deal_stage"))).map(Finding::value).contains("negotiation");
    }

    @Test
    void aProposalSentBeforeTheCallPutsItAtProposal() {
        CallText call = call(
                "Rep: So, you got the proposal I sent over last week?",
                "Buyer: I did. I have some notes.");
        assertThat(DealStages.dealStage(call, field("deal_stage"))).map(Finding::value).contains("proposal");
    }

    @Test
    void theNeedIsTheSentenceTheBuyerSumsUpNotTheStory() {
        CallText call = call(
                "Rep: What made you reach out?",
                "Buyer: Last spring a tech wrote the fault on the whiteboard and somebody wiped it.",
                "Buyer: That's the short version. Everything we do for maintenance lives on whiteboards and paper work orders.",
                "Rep: Understood. How many technicians do you have?",
                "Buyer: Fourteen, over three shifts.",
                "Rep: And how many assets?",
                "Buyer: About three hundred.");
        assertThat(Discovery.need(call, field("need"))).map(Finding::value)
                .contains("Everything we do for maintenance lives on whiteboards and paper work orders");
    }

    @Test
    void someoneElsesMeetingIsNotTheNextMeeting() {
        CallText call = call(
                "Rep: Thanks for the time today.",
                "Buyer: So the board meets on the twenty-fourth, and I'll email you after the twenty-fourth.",
                "Rep: Let's not book yet then.");
        assertThat(Meetings.nextMeeting(call, field("next_meeting"))).isEmpty();
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
