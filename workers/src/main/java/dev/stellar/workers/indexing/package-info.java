/**
 * Structuring for search: the transcript cut into chunks by conversation phase (intro, discovery, presentation,
 * objection handling, pricing, close), embedded and kept in the vector store, and searched within one organisation.
 */
package dev.stellar.workers.indexing;
