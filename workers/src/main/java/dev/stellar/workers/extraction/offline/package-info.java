/**
 * The offline extractor: rules and lexicons over the transcript, no network and no model. It runs on the embedded
 * default and in the tests, and is what the LLM extractor falls back to. Numbers said in words are read as numbers,
 * relative dates resolve against the meeting date, and every value carries the sentence it rests on.
 */
package dev.stellar.workers.extraction.offline;
