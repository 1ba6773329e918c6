/**
 * Meetings: the upload facade, the lifecycle workflow's activities, persistence of transcripts and
 * insights, resuming unfinished meetings, and the change feed the UI listens to.
 */
package dev.stellar.workers.meeting;
