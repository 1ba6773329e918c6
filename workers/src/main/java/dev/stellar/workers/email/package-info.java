/**
 * Follow-up e-mail: the approval inbox ({@link dev.stellar.workers.email.EmailInbox}), mailboxes with encrypted secrets
 * ({@link dev.stellar.workers.email.MailboxStore}), the exactly-once send with daily caps and spacing
 * ({@link dev.stellar.workers.email.EmailDelivery}), suppressed addresses, and the activities of
 * {@code EmailApprovalWorkflow}. The local mail sink of the embedded default lives in {@code email.sink}.
 */
package dev.stellar.workers.email;
