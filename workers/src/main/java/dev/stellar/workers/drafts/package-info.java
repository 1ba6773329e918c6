/**
 * The drafting agents: a follow-up email and a social post, written only from the extracted facts, each fact listed
 * with the quote it rests on. Drafts wait for a person; nothing here sends anything.
 */
package dev.stellar.workers.drafts;
