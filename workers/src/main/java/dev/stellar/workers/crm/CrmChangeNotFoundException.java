package dev.stellar.workers.crm;

import java.util.UUID;

/** No such change on the meeting, or not one this person may review. */
public class CrmChangeNotFoundException extends RuntimeException {

    public CrmChangeNotFoundException(UUID changeId) {
        super("No CRM change " + changeId + " on this meeting for you to review");
    }
}
