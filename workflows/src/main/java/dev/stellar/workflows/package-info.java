/**
 * Temporal workflow and activity contracts and the workflow implementations.
 *
 * <p>Workflow code here is deterministic: time, ids, sleep and logging come from {@code Workflow.*};
 * I/O, Spring and clocks are forbidden (checked by an ArchUnit rule in the ui module).
 */
package dev.stellar.workflows;
