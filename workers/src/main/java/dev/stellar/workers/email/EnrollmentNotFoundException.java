package dev.stellar.workers.email;

import java.util.UUID;

/** No such enrollment for this person: missing, another organisation's, or another rep's. */
public class EnrollmentNotFoundException extends RuntimeException {

    public EnrollmentNotFoundException(UUID id) {
        super("No sequence enrollment " + id);
    }
}
