package dev.stellar.workers.extraction;

import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.List;

/**
 * What extraction produced for a meeting.
 *
 * @param extractedBy {@code offline} or the language model, e.g. {@code openai:gpt-4o-mini}
 * @param notice      what people should know about it (a fallback, dropped answers), or {@code null}
 */
public record Extraction(List<ExtractedField> fields, String extractedBy, String notice) {
}
