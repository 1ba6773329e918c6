package dev.stellar.workers.llm;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.scorecard.Scorecard;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.coaching.CoachingContext;
import dev.stellar.workers.coaching.LlmCallCoach;
import dev.stellar.workers.coaching.OfflineCallCoach;
import dev.stellar.workers.drafts.Draft;
import dev.stellar.workers.drafts.DraftingContext;
import dev.stellar.workers.drafts.LlmFollowUpDrafter;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The LLM coaching and drafting agents against an OpenAI-compatible stub: what they believe and what they refuse. */
class LlmAgentsTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Utterance> CALL = List.of(
            new Utterance(0, "Riley Rep", 0L, 5_000L, "What made you look at this now?"),
            new Utterance(1, "Kim Lopez", 5_000L, 20_000L, "Our dispatchers plan routes by hand. I'm Kim from Acme Freight."),
            new Utterance(2, "Riley Rep", 20_000L, 30_000L, "Shall we book a demo for Thursday the 19th?"));
    private static final SpeakerRoles ROLES = SpeakerRoles.of(CALL, Set.of("Riley Rep"), "Riley Rep");

    @Test
    void theCoachBelievesAMetCriterionOnlyWithTheRepsOwnWords() {
        OpenAiStub.answer(openAi, """
                {"criteria": {
                  "asked_about_need": {"met": true, "quote": "What made you look at this now?", "utterance": 0},
                  "asked_about_budget": {"met": true, "quote": "What budget do you have?", "utterance": 2},
                  "asked_about_authority": {"met": false, "quote": null, "utterance": null},
                  "asked_about_timeline": {"met": false, "quote": null, "utterance": null},
                  "asked_about_competition": {"met": false, "quote": null, "utterance": null}},
                 "strengths": ["Opened with an open question about the problem"],
                 "improvements": [{"criterion": "asked_about_budget", "tip": "Ask whether money is set aside before the demo."},
                                  {"criterion": "asked_about_need", "tip": "Already done: must not appear."}]}
                """);
        LlmCallCoach coach = new LlmCallCoach(new StructuredChat(OpenAiStub.model(openAi), JSON), new OfflineCallCoach(),
                "openai:gpt-4o-mini");

        CallScore score = coach.score(Scorecard.builtIn("b2b-discovery").orElseThrow(), new CoachingContext(CALL, ROLES, null,
                BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY), List.of()));

        assertThat(score.scoredBy()).isEqualTo("openai:gpt-4o-mini");
        assertThat(result(score, "asked_about_need").met()).isTrue();
        assertThat(result(score, "asked_about_need").evidenceSeq()).isZero();
        assertThat(result(score, "asked_about_budget").met()).as("words the rep never said").isFalse();
        assertThat(score.improvements()).extracting(CallScore.Improvement::criterionKey).containsExactly("asked_about_budget");
        assertThat(score.strengths()).containsExactly("Opened with an open question about the problem");
    }

    @Test
    void draftsWithANumberTheCallNeverSaidAreRefused() {
        OpenAiStub.answer(openAi, """
                {"email": {"subject": "Next steps for Acme Freight", "body": "Hi Kim, as discussed the plan is $1,200 a month."},
                 "social_post": "Great call about route planning today.", "facts_used": ["company"]}
                """);

        assertThatThrownBy(() -> drafter().draft(context())).isInstanceOf(LlmAnswerException.class)
                .hasMessageContaining("1200");
    }

    @Test
    void groundedDraftsAreKeptWithTheFactsTheyUse() {
        OpenAiStub.answer(openAi, """
                {"email": {"subject": "Next steps for Acme Freight",
                           "body": "Hi Kim,\\n\\nThanks for walking me through how routes are planned by hand. See you on Thursday the 19th.\\n\\nRiley"},
                 "social_post": "Planning routes by hand is still common in freight. The best first step is to measure the hours it takes.",
                 "facts_used": ["company", "next_meeting", "unknown_key"]}
                """);

        List<Draft> drafts = drafter().draft(context());

        assertThat(drafts).extracting(Draft::kind).containsExactly(Draft.Kind.EMAIL, Draft.Kind.SOCIAL);
        assertThat(drafts.get(0).draftedBy()).isEqualTo("openai:gpt-4o-mini");
        assertThat(drafts.get(0).grounding()).extracting(Draft.Grounding::field).containsExactly("company", "next_meeting");
    }

    @Test
    void aPublicPostNamingTheCustomerIsRefused() {
        OpenAiStub.answer(openAi, """
                {"email": {"subject": "Next steps", "body": "Hi Kim, thanks."},
                 "social_post": "Great call with Kim about routes.", "facts_used": []}
                """);

        assertThatThrownBy(() -> drafter().draft(context())).hasMessageContaining("names a customer");
    }

    private static LlmFollowUpDrafter drafter() {
        return new LlmFollowUpDrafter(new StructuredChat(OpenAiStub.model(openAi), JSON), "openai:gpt-4o-mini");
    }

    private static DraftingContext context() {
        return new DraftingContext("Acme discovery", List.of("Kim Lopez"), "Riley Rep",
                BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY), List.of(
                        new ExtractedField("company", "\"Acme Freight\"", 0.8, "I'm Kim from Acme Freight.", 5_000L, 1, null),
                        new ExtractedField("next_meeting", "\"2026-03-19\"", 0.7, "Shall we book a demo for Thursday the 19th?",
                                20_000L, 2, null)),
                LocalDate.of(2026, 3, 10));
    }

    private static CallScore.CriterionResult result(CallScore score, String key) {
        return score.criteria().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
