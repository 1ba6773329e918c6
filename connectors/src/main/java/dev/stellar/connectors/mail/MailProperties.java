package dev.stellar.connectors.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code stellar.mail.*}: how patient Stellar is with mail servers. Mailboxes themselves are configured per user or
 * organisation in the application, not here.
 *
 * @param timeout connect, read and write timeout for SMTP and IMAP
 */
@ConfigurationProperties("stellar.mail")
public record MailProperties(Duration timeout) {

    public MailProperties {
        timeout = timeout == null ? Duration.ofSeconds(20) : timeout;
    }
}
