/**
 * Secrets at rest: {@link dev.stellar.workers.secrets.SecretCipher} encrypts mailbox passwords, OAuth tokens and API keys
 * before they reach the database, bound to their organisation so a ciphertext copied to another tenant's row is useless.
 */
package dev.stellar.workers.secrets;
