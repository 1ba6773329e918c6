package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailboxSettings.Auth;
import dev.stellar.connectors.mail.MailboxSettings.Security;

/**
 * What a person enters for a mailbox.
 *
 * @param secret the password or token; {@code null} or blank keeps the stored one
 */
public record MailboxForm(String address, String displayName, String smtpHost, Integer smtpPort, Security smtpSecurity,
                          String imapHost, Integer imapPort, Security imapSecurity, String username, String secret,
                          Auth auth, Integer dailyCap, Integer minSpacingSeconds, String timeZone) {
}
