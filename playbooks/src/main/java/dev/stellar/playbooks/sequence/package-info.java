/**
 * E-mail sequences as data: a {@link dev.stellar.playbooks.sequence.SequenceTemplate} is steps with delays in business
 * days, a send window, and subject and body templates (Mustache) over the meeting's facts;
 * {@link dev.stellar.playbooks.sequence.SendSchedule} says when a step goes out;
 * {@link dev.stellar.playbooks.sequence.SequenceMessages} renders a step. Pure: no clock, no I/O.
 */
package dev.stellar.playbooks.sequence;
