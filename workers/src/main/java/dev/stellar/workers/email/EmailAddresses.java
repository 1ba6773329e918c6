package dev.stellar.workers.email;

import dev.stellar.workers.meeting.Attendee;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Checks addresses people typed or platforms sent, before anything is stored or sent. */
public final class EmailAddresses {

    private EmailAddresses() {
    }

    /**
     * The bare, lower-cased address.
     *
     * @param where what the address is, for the error: "recipient 2", "attendee Pat Lee"
     * @throws InvalidEmailAddressException when it is not one address with a domain
     */
    public static String normalise(String address, String where) {
        if (address == null || address.isBlank()) {
            throw new InvalidEmailAddressException(where + " has no e-mail address");
        }
        try {
            InternetAddress parsed = new InternetAddress(address.strip(), true);
            parsed.validate();
            String bare = parsed.getAddress();
            int at = bare.indexOf('@');
            if (at < 1 || !bare.substring(at + 1).contains(".")) {
                throw new InvalidEmailAddressException(where + ": '" + address.strip() + "' has no domain");
            }
            return bare.toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new InvalidEmailAddressException(where + ": '" + address.strip() + "' is not an e-mail address ("
                    + e.getMessage() + ")");
        }
    }

    /** @throws InvalidEmailAddressException naming the first bad recipient */
    public static List<String> recipients(List<String> addresses, String role) {
        List<String> result = new ArrayList<>();
        for (int i = 0; addresses != null && i < addresses.size(); i++) {
            String address = normalise(addresses.get(i), role + " " + (i + 1));
            if (!result.contains(address)) {
                result.add(address);
            }
        }
        return result;
    }

    /** Attendees with normalised addresses; one without an address is kept (the rep may add it when approving). */
    public static List<Attendee> checkAttendees(List<Attendee> attendees) {
        List<Attendee> result = new ArrayList<>();
        for (int i = 0; i < attendees.size(); i++) {
            Attendee attendee = attendees.get(i);
            String name = attendee.name() == null || attendee.name().isBlank() ? null : attendee.name().strip();
            String email = attendee.email() == null || attendee.email().isBlank() ? null
                    : normalise(attendee.email(), "attendee " + (name != null ? name : String.valueOf(i + 1)));
            if (name == null && email == null) {
                throw new InvalidEmailAddressException("attendee " + (i + 1) + " has neither a name nor an address");
            }
            result.add(new Attendee(name, email));
        }
        return result;
    }

    /**
     * An attendee written as {@code Name <address>} or a bare address, as calendars and forms write them.
     *
     * @throws InvalidEmailAddressException naming the attendee by position
     */
    public static Attendee attendee(String text, int position) {
        try {
            InternetAddress parsed = new InternetAddress(text == null ? "" : text.strip(), true);
            return new Attendee(parsed.getPersonal(), normalise(parsed.getAddress(), "attendee " + position));
        } catch (AddressException e) {
            throw new InvalidEmailAddressException("attendee " + position + ": '" + text + "' is neither an address nor "
                    + "'Name <address>'");
        }
    }

    /** Attendees as typed, one per entry, numbered from 1 in errors. */
    public static List<Attendee> attendees(List<String> entries) {
        List<Attendee> result = new ArrayList<>();
        for (int i = 0; entries != null && i < entries.size(); i++) {
            result.add(attendee(entries.get(i), i + 1));
        }
        return result;
    }

    /** Whether the domain is a free-mail provider's, where everyone is someone else (not one company). */
    public static boolean freeMail(String domain) {
        return FREE_MAIL.contains(domain.toLowerCase(Locale.ROOT));
    }

    private static final java.util.Set<String> FREE_MAIL = java.util.Set.of("gmail.com", "googlemail.com", "outlook.com",
            "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "proton.me", "protonmail.com", "gmx.com", "gmx.de", "gmx.net", "web.de", "mail.com", "zoho.com", "yandex.com",
            "fastmail.com");

    public static String domainOf(String address) {
        return address.substring(address.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }
}
