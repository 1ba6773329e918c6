package dev.stellar.workers.extraction;

import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.List;

/** An extraction agent. Implementations are pure functions of the context. */
public interface InsightExtractor {

    List<ExtractedField> extract(ExtractionContext context);
}
