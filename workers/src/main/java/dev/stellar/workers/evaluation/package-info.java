/**
 * The evaluation harness: runs an extractor over a folder of labelled calls and measures it per field
 * (precision, recall, F1, exact-match accuracy), checks every evidence quote against the transcript, and
 * measures throughput. A product feature: organisations run it on their own labelled calls to choose a provider.
 */
package dev.stellar.workers.evaluation;
