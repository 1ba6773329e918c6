package dev.stellar.workflows;

/** Task queue names shared by the clients that start workflows and the workers that poll them. */
public final class TaskQueues {

    /** Meeting lifecycle workflows and their activities. */
    public static final String MEETINGS = "stellar-meetings";

    private TaskQueues() {
    }
}
