/**
 * Extraction agents: turn a meeting's utterances into CRM fields, each with a confidence and the
 * evidence it rests on. The rule-based extractor works offline and serves the embedded default.
 */
package dev.stellar.workers.extraction;
