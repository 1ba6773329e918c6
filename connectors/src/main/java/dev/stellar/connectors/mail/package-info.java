/**
 * E-mail through people's own mailboxes: {@link dev.stellar.connectors.mail.MailSender} sends over SMTP and files a copy
 * in the Sent folder; {@link dev.stellar.connectors.mail.MailboxReader} looks for a sent message by its Message-ID and
 * reads new mail (replies and bounce reports) over IMAP. {@link dev.stellar.connectors.mail.JakartaMailbox} does both
 * with Jakarta Mail (Eclipse Angus), by password or by OAuth2 access token (XOAUTH2, as Gmail and Microsoft 365 take it).
 * Mailboxes are data, not configuration: each call gets the {@link dev.stellar.connectors.mail.MailboxSettings} to use.
 */
package dev.stellar.connectors.mail;
