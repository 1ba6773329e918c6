/**
 * Scorecards: what a good call of one kind does, criterion by criterion, for the coaching agent. Built-in ones ship as
 * YAML under {@code scorecards/}, keyed like the field schemas they go with; playbooks will carry their own.
 */
package dev.stellar.playbooks.scorecard;
