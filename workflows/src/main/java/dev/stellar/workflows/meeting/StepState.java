package dev.stellar.workflows.meeting;

public enum StepState {
    PENDING, RUNNING, DONE, FAILED
}
