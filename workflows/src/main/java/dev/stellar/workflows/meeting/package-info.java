/** The life of one meeting: parse its transcript, extract insights, persist them. */
package dev.stellar.workflows.meeting;
