/**
 * If-then automation as data: a {@link dev.stellar.playbooks.trigger.TriggerRule} says on which
 * {@link dev.stellar.playbooks.trigger.EventType} it fires, under which conditions on the event's values (AND/OR
 * groups of typed tests), and which actions run (a catalogue that grows with the product). Rules are YAML, checked
 * field by field against the organisation's fields ({@link dev.stellar.playbooks.trigger.TriggerRules}); the
 * {@link dev.stellar.playbooks.trigger.TriggerEngine} evaluates one against an event and says, condition by condition,
 * which values it saw: the same for a live event and for a backtest over past ones.
 */
package dev.stellar.playbooks.trigger;
