package dev.stellar.connectors.zoom;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code recording.completed} or {@code recording.transcript_completed} event, read leniently: missing fields are
 * {@code null}, files without an id (the TIMELINE file) are skipped.
 *
 * @param meetingUuid the occurrence's UUID (unique per meeting instance, unlike the numeric id of a recurring meeting)
 */
public record RecordingEvent(String event, String meetingUuid, String meetingId, String topic, Instant startTime,
                             String timeZone, String hostEmail, String downloadToken, List<RecordingFile> files) {

    /** @param fileType e.g. TRANSCRIPT, MP4, M4A, CHAT, TIMELINE */
    public record RecordingFile(String id, String fileType, String fileExtension, String downloadUrl, long fileSize) {

        public boolean transcript() {
            return "TRANSCRIPT".equalsIgnoreCase(fileType) || "VTT".equalsIgnoreCase(fileExtension);
        }

        public boolean audio() {
            return List.of("M4A", "MP4").contains(fileType == null ? "" : fileType.toUpperCase(Locale.ROOT));
        }
    }

    /** @throws IllegalArgumentException naming what is missing when the event cannot identify its meeting */
    public static RecordingEvent of(JsonNode root) {
        JsonNode object = root.path("payload").path("object");
        String uuid = text(object, "uuid");
        if (uuid == null) {
            throw new IllegalArgumentException("payload.object.uuid is missing: the event names no meeting");
        }
        List<RecordingFile> files = new ArrayList<>();
        for (JsonNode file : object.path("recording_files")) {
            String id = text(file, "id");
            String url = text(file, "download_url");
            if (id != null && url != null) {
                files.add(new RecordingFile(id, text(file, "file_type"), text(file, "file_extension"), url,
                        file.path("file_size").asLong(0)));
            }
        }
        return new RecordingEvent(text(root, "event"), uuid, text(object, "id"), text(object, "topic"),
                instant(text(object, "start_time")), text(object, "timezone"), text(object, "host_email"),
                text(root, "download_token"), files);
    }

    /** The transcript file when Zoom made one (always preferred), else empty. */
    public Optional<RecordingFile> transcript() {
        return files.stream().filter(RecordingFile::transcript).findFirst();
    }

    public Optional<RecordingFile> audio() {
        return files.stream().filter(f -> "M4A".equalsIgnoreCase(f.fileType())).findFirst()
                .or(() -> files.stream().filter(RecordingFile::audio).findFirst());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }

    private static Instant instant(String text) {
        try {
            return text == null ? null : Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
