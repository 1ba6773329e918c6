/**
 * CRM sync: connections to HubSpot (and Salesforce next) opened with their decrypted secrets ({@link
 * dev.stellar.workers.crm.CrmClients}), the organisation's mapping ({@link dev.stellar.workers.crm.CrmMappingStore}),
 * the changes a meeting proposes with the CRM's current value beside each ({@link dev.stellar.workers.crm.CrmProposer}),
 * a person's review of them ({@link dev.stellar.workers.crm.CrmReview}), and writing the approved ones by a key Stellar
 * owns, logged before and after so they can be undone ({@link dev.stellar.workers.crm.CrmApplier}).
 */
package dev.stellar.workers.crm;
