package dev.stellar.workflows.meeting;

/**
 * Start argument of {@link MeetingLifecycleWorkflow}. The transcript travels by reference:
 * {@code transcriptRef} names the stored file, never its content.
 */
public record MeetingLifecycleInput(String organizationId, String meetingId, String transcriptRef, String fileName) {
}
