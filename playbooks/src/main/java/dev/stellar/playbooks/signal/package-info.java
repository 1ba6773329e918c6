/**
 * What customers say that matters to a deal: objections, as phrase lists matched on word boundaries. The offline
 * extractor and, later, the live assistant use them.
 */
package dev.stellar.playbooks.signal;
