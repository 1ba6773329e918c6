package dev.stellar.workers.crm;

import dev.stellar.workers.email.EmailAddresses;
import dev.stellar.workers.meeting.Attendee;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The key of a meeting's customer account: their company's domain, so that every meeting with Acme updates the one
 * Acme deal; for someone writing from a free-mail provider (a consumer, as in estate planning), their own address.
 */
final class AccountKeys {

    private AccountKeys() {
    }

    static Optional<String> account(List<Attendee> customers) {
        return customers.stream().map(Attendee::email).findFirst().map(email -> {
            String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            return EmailAddresses.freeMail(domain) ? email.toLowerCase(Locale.ROOT) : domain;
        });
    }

    static Optional<String> firstEmail(List<Attendee> customers) {
        return customers.stream().map(Attendee::email).findFirst().map(email -> email.toLowerCase(Locale.ROOT));
    }
}
