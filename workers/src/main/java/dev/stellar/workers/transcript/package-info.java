/** Transcript files in the formats meeting platforms write, parsed into utterances. */
package dev.stellar.workers.transcript;
