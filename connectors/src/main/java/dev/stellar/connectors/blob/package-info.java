/**
 * Storage for big payloads (transcripts, recordings) so workflows pass references, never content.
 * The file-system adapter serves the embedded default and a shared volume in the distributed stack.
 */
package dev.stellar.connectors.blob;
