/** The coaching agent: scores a call against its scorecard, with evidence, strengths and improvements. */
package dev.stellar.workers.coaching;
