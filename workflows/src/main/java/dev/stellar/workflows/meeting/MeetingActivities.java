package dev.stellar.workflows.meeting;

import io.temporal.activity.ActivityInterface;
import java.util.List;

/** The side effects of a meeting's life. Each call is idempotent: a retry rewrites, never duplicates. */
@ActivityInterface
public interface MeetingActivities {

    /** Parses the stored transcript and stores its utterances and participants, replacing any earlier attempt. */
    ParsedTranscript parseTranscript(ParseTranscriptInput input);

    /** Runs the extractors over the stored utterances. */
    ExtractedInsights extractInsights(ExtractInsightsInput input);

    /** Measures the conversation (talk ratio, monologues, questions, patience...) and stores the metrics. */
    MetricsSummary computeMetrics(ComputeMetricsInput input);

    /** Embeds the transcript's chunks (split by conversation phase) into the vector store, replacing earlier ones. */
    IndexSummary indexTranscript(IndexTranscriptInput input);

    /** Scores the call against the scorecard of its kind of call and stores the scorecard and suggested coaching. */
    ScorecardSummary scoreCall(ScoreCallInput input);

    /** Drafts the follow-up email and a social post from the extracted facts, and stores them for review. */
    DraftsSummary draftFollowUps(DraftFollowUpsInput input);

    /** Stores the insights and marks the meeting COMPLETED, in one transaction. */
    void completeMeeting(CompleteMeetingInput input);

    /** Records a status change (PROCESSING, FAILED) with its reason. */
    void recordStatus(RecordStatusInput input);

    /** Fetches the transcript of a meeting captured from a platform into the blob store; returns its reference. */
    FetchedTranscript fetchTranscript(FetchTranscriptInput input);

    record FetchTranscriptInput(String organizationId, String meetingId) {
    }

    record FetchedTranscript(String transcriptRef, String fileName, long bytes) {
    }

    record ParseTranscriptInput(String organizationId, String meetingId, String transcriptRef, String fileName) {
    }

    record ParsedTranscript(String format, int utterances, List<String> speakers, long durationMs) {
    }

    record ExtractInsightsInput(String organizationId, String meetingId) {
    }

    record ExtractedInsights(List<ExtractedField> fields) {
    }

    /**
     * One extracted CRM field.
     *
     * @param key             stable field key, e.g. {@code deal_amount}
     * @param valueJson       the value as JSON (a string, number, object or array)
     * @param confidence      0..1
     * @param evidenceQuote   the words the value rests on, or {@code null} when it comes from metadata
     * @param evidenceStartMs where the quote starts in the recording, or {@code null}
     * @param evidenceSeq     the utterance the quote comes from, or {@code null} (histories recorded before it existed)
     * @param note            why the confidence is lowered (a validation rule the value breaks), or {@code null}
     */
    record ExtractedField(String key, String valueJson, double confidence, String evidenceQuote, Long evidenceStartMs,
                          Integer evidenceSeq, String note) {
    }

    record ComputeMetricsInput(String organizationId, String meetingId) {
    }

    /** The headline numbers, for the workflow's outcome and later automation; the full set is stored. */
    record MetricsSummary(Double repTalkRatio, Long longestRepMonologueMs, int repQuestions) {
    }

    record IndexTranscriptInput(String organizationId, String meetingId) {
    }

    record IndexSummary(int chunks) {
    }

    /** @param fields the extracted fields, so criteria about facts (was the budget asked?) can use them */
    record ScoreCallInput(String organizationId, String meetingId, List<ExtractedField> fields) {
    }

    record ScorecardSummary(int criteria, int met) {
    }

    /** @param fields the extracted fields: the only facts a draft may state */
    record DraftFollowUpsInput(String organizationId, String meetingId, List<ExtractedField> fields) {
    }

    /**
     * @param emailDraftId the follow-up e-mail that waits for approval, or {@code null} (none drafted; older histories)
     */
    record DraftsSummary(int drafts, String emailDraftId) {
    }

    /**
     * @param unfinished steps that gave up without stopping the meeting (say which, so people know what is missing);
     *                   {@code null} in histories from before they existed
     */
    record CompleteMeetingInput(String organizationId, String meetingId, List<ExtractedField> fields,
                                List<String> unfinished) {
    }

    record RecordStatusInput(String organizationId, String meetingId, MeetingStatus status, String reason) {
    }
}
