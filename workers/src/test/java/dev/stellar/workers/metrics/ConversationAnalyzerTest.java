package dev.stellar.workers.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.workers.metrics.ConversationMetrics.Monologue;
import dev.stellar.workers.metrics.ConversationMetrics.SpeakerMetrics;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.TranscriptFormat;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConversationAnalyzerTest {

    private final ConversationAnalyzer analyzer = new ConversationAnalyzer();

    private static final List<Utterance> CALL = List.of(
            new Utterance(0, "Riley Rep", 0L, 10_000L, "Hi Sam, thanks for joining. How is the quarter going?"),
            new Utterance(1, "Sam Buyer", 11_000L, 31_000L, "Um, busy. We are, you know, hiring four reps and our notes are a mess."),
            new Utterance(2, "Riley Rep", 31_500L, 36_000L, "What happens to the notes today?"),
            new Utterance(3, "Sam Buyer", 38_000L, 50_000L, "They live in five places."),
            new Utterance(4, "Riley Rep", 50_000L, 51_000L, "Right."),
            new Utterance(5, "Sam Buyer", 51_000L, 71_000L, "And nobody updates Salesforce, so forecasts are guesses. Can you fix that?"),
            new Utterance(6, "Riley Rep", 72_000L, 102_000L, "Yes. Stellar drafts the updates for the rep to approve, and, um, the manager sees them."));

    @Test
    void measuresTalkQuestionsTurnsPatienceAndPace() {
        ConversationMetrics m = analyzer.analyze(CALL, SpeakerRoles.of(CALL, Set.of("Riley Rep"), "Riley Rep"), TranscriptFormat.WEBVTT);

        assertThat(m.durationMs()).isEqualTo(102_000L);
        // rep talk: 10 + 4.5 + 1 + 30 = 45.5 s of 97.5 s spoken
        assertThat(m.repTalkRatio()).isEqualTo(0.4667);
        assertThat(m.repQuestions()).isEqualTo(2);
        assertThat(m.customerQuestions()).isEqualTo(1);
        // "Right." does not interrupt Sam: his story runs from 38 s to 71 s
        assertThat(m.longestCustomerStory()).isEqualTo(new Monologue("Sam Buyer", 38_000L, 33_000L));
        assertThat(m.longestRepMonologue()).isEqualTo(new Monologue("Riley Rep", 72_000L, 30_000L));
        // turns: Riley, Sam, Riley, Sam (with the backchannel folded in), Riley -> 4 switches in 1.7 minutes
        assertThat(m.switchesPerMinute()).isEqualTo(2.35);
        // rep replies after customer turns: 0.5 s and 1 s
        assertThat(m.patienceMs()).isEqualTo(750L);
        assertThat(m.repFillersPer100Words()).isEqualTo(round(100.0 / 33));
        SpeakerMetrics sam = m.speakers().stream().filter(s -> s.speaker().equals("Sam Buyer")).findFirst().orElseThrow();
        assertThat(sam.rep()).isFalse();
        assertThat(sam.fillerWords()).isEqualTo(2);
        assertThat(sam.questions()).isEqualTo(1);
        assertThat(sam.talkMs()).isEqualTo(52_000L);
        assertThat(m.speakers()).extracting(SpeakerMetrics::talkRatio).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }

    @Test
    void withoutTimesOnlyWordBasedMetricsAreGiven() {
        List<Utterance> untimed = CALL.stream()
                .map(u -> new Utterance(u.seq(), u.speaker(), null, null, u.text()))
                .toList();
        ConversationMetrics m = analyzer.analyze(untimed, SpeakerRoles.of(untimed, Set.of("Riley Rep"), "Riley Rep"), TranscriptFormat.SPEAKER_TEXT);

        assertThat(m.durationMs()).isNull();
        assertThat(m.patienceMs()).isNull();
        assertThat(m.longestRepMonologue()).isNull();
        assertThat(m.repWordsPerMinute()).isNull();
        assertThat(m.repTalkRatio()).as("share of words").isEqualTo(round4(33.0 / (33 + 32)));
        assertThat(m.repQuestions()).isEqualTo(2);
    }

    @Test
    void timestampedTextGivesTimesButNoPauses() {
        List<Utterance> startsOnly = new java.util.ArrayList<>();
        for (int i = 0; i < CALL.size(); i++) {
            Utterance u = CALL.get(i);
            Long end = i + 1 < CALL.size() ? CALL.get(i + 1).startMs() : null; // as the parser reads such a file
            startsOnly.add(new Utterance(u.seq(), u.speaker(), u.startMs(), end, u.text()));
        }
        ConversationMetrics m = analyzer.analyze(startsOnly, SpeakerRoles.of(startsOnly, Set.of("Riley Rep"), "Riley Rep"),
                TranscriptFormat.TIMESTAMPED_TEXT);

        assertThat(m.patienceMs()).as("ends are the next starts: pauses are unknown").isNull();
        assertThat(m.durationMs()).as("the last utterance's 16 words, estimated at 150 a minute").isEqualTo(72_000L + 6_400L);
        assertThat(m.longestRepMonologue()).as("the opening runs until Sam starts").isEqualTo(new Monologue("Riley Rep", 0L, 11_000L));
        assertThat(m.switchesPerMinute()).isNotNull();
    }

    @Test
    void aRealZoomMeetingProducesPlausibleNumbers() throws IOException {
        List<Utterance> zoom;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/zoom/meeting001_transcript.vtt")) {
            zoom = new TranscriptParser().parse(in.readAllBytes()).utterances();
        }
        ConversationMetrics m = analyzer.analyze(zoom, SpeakerRoles.of(zoom, Set.of("Andrew Knight"), "Andrew Knight"), TranscriptFormat.WEBVTT);

        assertThat(m.repTalkRatio()).isBetween(0.0, 1.0);
        assertThat(m.speakers()).extracting(SpeakerMetrics::talkRatio).allSatisfy(r -> assertThat(r).isBetween(0.0, 1.0));
        assertThat(m.speakers().stream().mapToDouble(SpeakerMetrics::talkRatio).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.001));
        assertThat(m.repWordsPerMinute()).isBetween(80.0, 260.0);
        assertThat(m.longestCustomerStory().durationMs()).isPositive();
        assertThat(m.longestRepMonologue().speaker()).isEqualTo("Andrew Knight");
        assertThat(m.switchesPerMinute()).isPositive();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static double round4(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
