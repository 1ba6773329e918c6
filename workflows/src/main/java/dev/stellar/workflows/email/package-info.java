/**
 * E-mail that reaches a customer only after a person approved it: {@link dev.stellar.workflows.email.EmailApprovalWorkflow}
 * waits for the rep's decision (reminding, then expiring), holds a scheduled send until its time, and sends exactly once
 * through {@link dev.stellar.workflows.email.EmailActivities}.
 */
package dev.stellar.workflows.email;
