package dev.stellar.workflows.meeting;

/** A meeting's status as stored and shown. */
public enum MeetingStatus {
    RECEIVED, PROCESSING, COMPLETED, FAILED;

    public boolean isFinal() {
        return this == COMPLETED || this == FAILED;
    }
}
