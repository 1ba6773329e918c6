/**
 * The CRM port: reading and writing records by a key Stellar knows (an e-mail address, an external id Stellar owns), so
 * a retried write updates the record it created instead of creating another. Adapters: {@code hubspot} (REST v3) and
 * {@code salesforce} (Partner SOAP API).
 */
package dev.stellar.connectors.crm;
