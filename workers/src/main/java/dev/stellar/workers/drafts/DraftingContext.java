package dev.stellar.workers.drafts;

import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.time.LocalDate;
import java.util.List;

/**
 * What the drafting agents may use.
 *
 * @param customers the customers on the call, most talkative first
 * @param repName   who signs, or {@code null}
 * @param fields    the extracted facts: the only facts a draft states
 */
public record DraftingContext(String meetingTitle, List<String> customers, String repName, FieldSchema schema,
                              List<ExtractedField> fields, LocalDate meetingDate) {
}
