package dev.stellar.workflows.meeting;

/** What the workflow returns when the meeting is processed. */
public record MeetingOutcome(String meetingId, int utterances, int speakers, int fields) {
}
