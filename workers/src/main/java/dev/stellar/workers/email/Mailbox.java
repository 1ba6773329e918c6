package dev.stellar.workers.email;

import dev.stellar.connectors.mail.MailboxSettings.Auth;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import java.util.UUID;

/**
 * A mailbox as stored and shown: never with its secret.
 *
 * @param userId            whose it is, or {@code null} for the organisation's shared mailbox
 * @param hasSecret         whether a password or token is stored
 * @param dailyCap          the most messages it sends per day (in its time zone)
 * @param minSpacingSeconds the least time between two of its messages
 */
public record Mailbox(UUID id, UUID organizationId, UUID userId, String address, String displayName, String smtpHost,
                      int smtpPort, Security smtpSecurity, String imapHost, Integer imapPort, Security imapSecurity,
                      String username, boolean hasSecret, Auth auth, int dailyCap, int minSpacingSeconds,
                      String timeZone) {
}
