/**
 * What customers say that matters to a deal: objections and outcome signals, as phrase lists
 * matched on word boundaries. The rule-based extractor and, later, the live assistant use them.
 */
package dev.stellar.playbooks.signal;
