package dev.stellar.workers.meeting;

import java.time.Instant;

/**
 * A transcript file handed in by a person.
 *
 * @param title     optional; the file name without extension when absent
 * @param startedAt optional; when the meeting took place
 */
public record UploadRequest(String fileName, byte[] content, String title, Instant startedAt) {
}
