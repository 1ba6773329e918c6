/** Activity implementations, extraction, persistence, feature services and the embedded runtime. */
package dev.stellar.workers;
