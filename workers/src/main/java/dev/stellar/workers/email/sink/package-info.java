/**
 * The embedded default's local mail sink: a GreenMail SMTP and IMAP server inside the application, so a newcomer can
 * approve a demo follow-up and see it arrive without any mail leaving the machine. Never started when a database is
 * configured unless {@code stellar.mail.local-sink.enabled=true}.
 */
package dev.stellar.workers.email.sink;
