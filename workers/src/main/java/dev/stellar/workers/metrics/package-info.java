/**
 * Conversation metrics of a meeting: talk ratio, monologues, questions, interactivity, patience,
 * pace and filler words, per speaker and for the reps, stored as columns for SQL analytics.
 */
package dev.stellar.workers.metrics;
