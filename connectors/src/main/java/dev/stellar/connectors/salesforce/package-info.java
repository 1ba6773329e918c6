/**
 * Salesforce's Partner SOAP API (force-wsc) behind the {@link dev.stellar.connectors.crm.CrmRecords} port: login by
 * username, password and security token or by an OAuth refresh token, against a login URL of Salesforce's (production,
 * sandbox, My Domain); one re-login on {@code INVALID_SESSION_ID}; records read by SOQL, written in batches of 200 by an
 * External ID field (native upsert) or by a field that is none (looked up first, then updated or created), records
 * refused for a lock or a limit retried alone, the others' errors handed back with Salesforce's status code.
 */
package dev.stellar.connectors.salesforce;
