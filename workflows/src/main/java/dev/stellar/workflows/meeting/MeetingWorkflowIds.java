package dev.stellar.workflows.meeting;

import java.util.Locale;

/** Workflow ids derive from the meeting's origin, so every duplicate capture lands on one workflow. */
public final class MeetingWorkflowIds {

    private MeetingWorkflowIds() {
    }

    /** {@code meeting:<organisation>:<platform>:<external id>}. */
    public static String of(String organizationId, String platform, String externalId) {
        return "meeting:" + organizationId + ":" + platform.toLowerCase(Locale.ROOT) + ":" + externalId;
    }
}
