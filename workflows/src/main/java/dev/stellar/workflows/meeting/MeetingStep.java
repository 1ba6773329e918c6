package dev.stellar.workflows.meeting;

/** The steps of a meeting's life, in order. */
public enum MeetingStep {
    FETCH("Fetch transcript"),
    PARSE("Parse transcript"),
    EXTRACT("Extract insights"),
    METRICS("Measure conversation"),
    INDEX("Index for search"),
    COACH("Score against the scorecard"),
    DRAFT("Draft follow-ups"),
    PERSIST("Store results"),
    REVIEW("Follow-up e-mail approval"),
    SYNC("CRM review and sync");

    private final String label;

    MeetingStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
