/**
 * If-then automation in the workers: rules stored per organisation with their versions ({@link
 * dev.stellar.workers.trigger.TriggerService}, OPS and ADMIN), and the backtest that evaluates a rule against the
 * organisation's past events without side effects ({@link dev.stellar.workers.trigger.TriggerBacktest}). The model and
 * engine are {@code playbooks.trigger}; execution of live firings comes next.
 */
package dev.stellar.workers.trigger;
