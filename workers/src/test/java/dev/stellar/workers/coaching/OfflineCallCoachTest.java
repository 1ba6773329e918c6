package dev.stellar.workers.coaching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldSchemaYaml;
import dev.stellar.playbooks.scorecard.Scorecard;
import dev.stellar.workers.coaching.CallScore.CriterionResult;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.metrics.ConversationMetrics.Monologue;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OfflineCallCoachTest {

    private static final List<Utterance> CALL = List.of(
            new Utterance(0, "Riley Rep", 0L, 5_000L, "Thanks for joining. What made you look at this now?"),
            new Utterance(1, "Kim Lopez", 5_000L, 20_000L, "Our dispatchers plan routes by hand and we keep missing windows."),
            new Utterance(2, "Riley Rep", 20_000L, 200_000L, "Let me walk you through everything our platform does, module by module."),
            new Utterance(3, "Kim Lopez", 200_000L, 205_000L, "Okay."));
    private static final SpeakerRoles ROLES = SpeakerRoles.of(CALL, Set.of("Riley Rep"), "Riley Rep");

    private final OfflineCallCoach coach = new OfflineCallCoach();

    @Test
    void criteriaAreMetWithTheRepsOwnWordsOrMissedWithATip() {
        ConversationMetrics metrics = new ConversationMetrics(205_000L, 0.86, new Monologue("Riley Rep", 20_000L, 180_000L),
                null, 1, 0, 1.2, 400L, 150.0, 1.0, List.of());

        CallScore score = coach.score(Scorecard.builtIn("b2b-discovery").orElseThrow(), new CoachingContext(CALL, ROLES, metrics,
                BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY), List.of()));

        CriterionResult need = result(score, "asked_about_need");
        assertThat(need.met()).isTrue();
        assertThat(need.evidenceQuote()).isEqualTo("What made you look at this now?");
        assertThat(need.evidenceSeq()).isZero();
        CriterionResult talk = result(score, "balanced_talk");
        assertThat(talk.met()).isFalse();
        assertThat(talk.measured()).isEqualTo("86% of the talk");
        assertThat(result(score, "asked_about_budget").met()).isFalse();
        assertThat(score.improvements()).hasSizeBetween(1, 3);
        assertThat(score.improvements()).extracting(CallScore.Improvement::tip).allSatisfy(tip -> assertThat(tip).isNotBlank());
        assertThat(score.strengths()).contains("Uncovered the problem");
        assertThat(score.score()).isEqualTo((double) score.met() / score.criteria().size());
    }

    @Test
    void criteriaItCannotJudgeAreLeftOutNotCountedAsMissed() {
        var own = FieldSchemaYaml.read("key: renewal-call\nfields:\n  - key: seats\n    type: number\n");
        ExtractedField meeting = new ExtractedField("next_meeting", "\"2026-03-19\"", 0.8, "Thursday the 19th works.", 1L, 1, null);

        CallScore score = coach.score(Scorecard.general(), new CoachingContext(CALL, ROLES, null, own, List.of(meeting)));

        assertThat(score.criteria()).as("no metrics measured, no next_meeting field in this schema").isEmpty();
        assertThat(score.score()).isZero();
    }

    private static CriterionResult result(CallScore score, String key) {
        return score.criteria().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }
}
