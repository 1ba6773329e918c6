/**
 * A meeting's CRM changes from proposed to written: {@link dev.stellar.workflows.crm.CrmSyncWorkflow} proposes them,
 * waits for a person's decisions (escalating, then expiring what nobody decided), and applies the approved ones.
 */
package dev.stellar.workflows.crm;
