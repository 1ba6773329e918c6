package dev.stellar.workers.meeting;

import java.util.UUID;

/** No such meeting in the caller's organisation (which is what another organisation's meeting looks like). */
public class MeetingNotFoundException extends RuntimeException {

    public MeetingNotFoundException(UUID id) {
        super("meeting " + id + " not found");
    }
}
