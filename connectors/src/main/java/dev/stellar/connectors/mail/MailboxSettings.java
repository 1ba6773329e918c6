package dev.stellar.connectors.mail;

import java.util.Objects;

/**
 * How to reach one mailbox. The secret arrives decrypted, for the one call only; {@link #toString()} never shows it.
 *
 * @param address     the sender address, which is also the SMTP envelope sender
 * @param displayName the name recipients see beside the address
 * @param imap        where replies, bounces and the Sent folder are read, or {@code null} for a send-only mailbox
 * @param username    the login for both servers
 * @param secret      the password, or the OAuth2 access token when {@code auth} is {@link Auth#XOAUTH2}
 */
public record MailboxSettings(String address, String displayName, Server smtp, Server imap, String username,
                              String secret, Auth auth) {

    public MailboxSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(smtp, "smtp");
        auth = auth == null ? Auth.PASSWORD : auth;
    }

    public enum Security { NONE, STARTTLS, SSL }

    public enum Auth { PASSWORD, XOAUTH2 }

    public record Server(String host, int port, Security security) {

        public Server {
            Objects.requireNonNull(host, "host");
            security = security == null ? Security.STARTTLS : security;
        }
    }

    public boolean canRead() {
        return imap != null;
    }

    @Override
    public String toString() {
        return "MailboxSettings[" + address + " via " + smtp.host() + ":" + smtp.port() + "]";
    }
}
