package dev.stellar.workers.coaching;

import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.List;

/** What the coaching agent sees of a call: the transcript, who sells, the metrics and the extracted facts. */
public record CoachingContext(List<Utterance> utterances, SpeakerRoles roles, ConversationMetrics metrics,
                              FieldSchema schema, List<ExtractedField> fields) {
}
