/**
 * One firing of an if-then rule: {@link dev.stellar.workflows.trigger.TriggerRunWorkflow} runs its actions one by one,
 * each retried per its policy, and records what became of each. Its id comes from the rule's version and the event, so
 * an event delivered twice fires once.
 */
package dev.stellar.workflows.trigger;
