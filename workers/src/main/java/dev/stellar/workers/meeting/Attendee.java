package dev.stellar.workers.meeting;

/** Someone invited to the meeting, as the calendar or the platform names them: where follow-ups go. */
public record Attendee(String name, String email) {
}
