package dev.stellar.workflows.meeting;

import dev.stellar.workflows.Errors;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Activities for workflow tests: they record every call and can be told to fail a step, so the tests
 * check the workflow's orchestration (order, retries, failure handling) without a database.
 */
class RecordingMeetingActivities implements MeetingActivities {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final List<RecordStatusInput> statuses = new CopyOnWriteArrayList<>();
    final AtomicInteger parseAttempts = new AtomicInteger();
    volatile int transientParseFailures;
    volatile boolean malformed;
    /** Coaching fails for ever (a broken scorecard, a model that is down): the meeting must still complete. */
    volatile boolean coachingBroken;
    /** The follow-up e-mail the drafting agent wrote, waiting for approval; {@code null} when it wrote none. */
    volatile String emailDraftId;

    @Override
    public FetchedTranscript fetchTranscript(FetchTranscriptInput input) {
        calls.add("fetch:" + input.meetingId());
        return new FetchedTranscript("org-1/sha256-fetched", "zoom.vtt", 1234);
    }

    @Override
    public ParsedTranscript parseTranscript(ParseTranscriptInput input) {
        calls.add("parse:" + input.transcriptRef());
        if (parseAttempts.incrementAndGet() <= transientParseFailures) {
            throw new IllegalStateException("database briefly unavailable");
        }
        if (malformed) {
            throw ApplicationFailure.newNonRetryableFailure("line 7: invalid cue timing '00:00:0x --> 00:00:05.000'",
                    Errors.MALFORMED_TRANSCRIPT.name());
        }
        return new ParsedTranscript("WEBVTT", 12, List.of("Riley Rep", "Dana Whitfield"), 60_000);
    }

    @Override
    public ExtractedInsights extractInsights(ExtractInsightsInput input) {
        calls.add("extract");
        return new ExtractedInsights(List.of(
                new ExtractedField("outcome", "\"Won\"", 0.85, "Let's do it.", 40_000L, 7, null),
                new ExtractedField("deal_amount", "{\"amount\":4500,\"currency\":\"USD\"}", 0.8, "It is $4,500.", 30_000L, 5, null)));
    }

    @Override
    public MetricsSummary computeMetrics(ComputeMetricsInput input) {
        calls.add("metrics");
        return new MetricsSummary(0.43, 95_000L, 12);
    }

    @Override
    public IndexSummary indexTranscript(IndexTranscriptInput input) {
        calls.add("index");
        return new IndexSummary(4);
    }

    @Override
    public ScorecardSummary scoreCall(ScoreCallInput input) {
        calls.add("coach:" + input.fields().size());
        if (coachingBroken) {
            throw new IllegalStateException("scorecard unavailable");
        }
        return new ScorecardSummary(6, 4);
    }

    @Override
    public DraftsSummary draftFollowUps(DraftFollowUpsInput input) {
        calls.add("draft:" + input.fields().size());
        return new DraftsSummary(2, emailDraftId);
    }

    @Override
    public void completeMeeting(CompleteMeetingInput input) {
        calls.add("complete:" + input.fields().size() + (input.unfinished() == null || input.unfinished().isEmpty()
                ? "" : " without " + String.join(", ", input.unfinished())));
    }

    @Override
    public void recordStatus(RecordStatusInput input) {
        calls.add("status:" + input.status());
        statuses.add(input);
    }
}
