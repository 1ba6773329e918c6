/**
 * The LLM extractor: the organisation's field schema becomes a JSON schema for structured output, the transcript goes
 * in with numbered utterances, and every answer is checked before it is kept (a quote not verbatim in its utterance,
 * an enum value outside the list, a date that is no date: dropped and counted).
 */
package dev.stellar.workers.extraction.llm;
