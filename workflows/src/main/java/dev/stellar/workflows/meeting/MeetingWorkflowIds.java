package dev.stellar.workflows.meeting;

import java.util.Locale;

/**
 * Workflow ids derive from the meeting's origin, so every duplicate capture of a platform meeting
 * (a webhook delivered twice) lands on one workflow. Uploads have an id of their own each.
 */
public final class MeetingWorkflowIds {

    private MeetingWorkflowIds() {
    }

    /** {@code meeting:<organisation>:<platform>:<external id>}. */
    public static String of(String organizationId, String platform, String externalId) {
        return "meeting:" + organizationId + ":" + platform.toLowerCase(Locale.ROOT) + ":" + externalId;
    }
}
