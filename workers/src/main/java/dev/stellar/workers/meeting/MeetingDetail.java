package dev.stellar.workers.meeting;

import com.fasterxml.jackson.databind.JsonNode;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.drafts.Draft;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.schema.ResolvedSchema;
import java.util.List;

/**
 * A meeting with its transcript, participants, extracted fields, conversation metrics and scorecard ({@code null}
 * until measured and scored), the drafted follow-ups, and which extractor filled the fields ({@code offline} or the
 * language model) with what people should know about it.
 */
public record MeetingDetail(MeetingSummary meeting, ResolvedSchema schema, List<Participant> participants,
                            List<UtteranceView> utterances, List<Insight> insights, ConversationMetrics metrics,
                            CallScore scorecard, List<Draft> drafts, String extractedBy, String extractionNotice) {

    public record Participant(String name, int utterances, long talkMs) {
    }

    public record UtteranceView(int seq, String speaker, Long startMs, Long endMs, String text) {
    }

    /**
     * An extracted field.
     *
     * @param value the value as JSON: a string, number, object ({@code amount}, {@code currency}) or array
     * @param note  why the confidence is lowered, or {@code null}
     */
    public record Insight(String key, JsonNode value, double confidence, String evidenceQuote, Long evidenceStartMs,
                          Integer evidenceSeq, String note) {
    }
}
