package dev.stellar.workers.connection;

import dev.stellar.connectors.blob.BlobStore;
import dev.stellar.connectors.zoom.ZoomDownloads;
import dev.stellar.connectors.zoom.ZoomDownloads.Credentials;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workers.meeting.MeetingStore.Download;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workflows.meeting.MeetingActivities.FetchedTranscript;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Fetches a captured meeting's transcript from its platform into the blob store. A file that is not a transcript is
 * refused before anything is stored ({@link dev.stellar.workers.transcript.TranscriptFormatException} names the line).
 */
@Service
public class PlatformFetcher {

    private final MeetingStore meetings;
    private final ConnectionStore connections;
    private final ZoomDownloads zoom;
    private final TranscriptParser parser;
    private final BlobStore blobs;

    public PlatformFetcher(MeetingStore meetings, ConnectionStore connections, ZoomDownloads zoom, TranscriptParser parser,
                           BlobStore blobs) {
        this.meetings = meetings;
        this.connections = connections;
        this.zoom = zoom;
        this.parser = parser;
        this.blobs = blobs;
    }

    /**
     * @throws dev.stellar.connectors.zoom.ZoomDownloadException  when Zoom does not hand the file over
     * @throws dev.stellar.workers.transcript.TranscriptFormatException when it is not a transcript
     * @throws IllegalStateException when the meeting has nothing to fetch
     */
    public FetchedTranscript fetch(UUID organizationId, UUID meetingId) {
        Download download = meetings.download(organizationId, meetingId)
                .orElseThrow(() -> new IllegalStateException("meeting " + meetingId + " has nothing to fetch"));
        Map<String, String> secrets = download.connectionId() == null ? Map.of()
                : connections.secrets(organizationId, download.connectionId());
        Credentials credentials = connections.find(organizationId, download.connectionId())
                .map(c -> new Credentials(c.settings().get(Connections.ZOOM_ACCOUNT_ID),
                        c.settings().get(Connections.ZOOM_CLIENT_ID), secrets.get(Connections.ZOOM_CLIENT_SECRET)))
                .orElse(null);
        byte[] content = zoom.download(download.url(), download.token(), credentials);
        parser.parse(content); // a 0-byte or non-VTT file fails here, with its line, before it is kept
        String ref = blobs.put(organizationId.toString(), content);
        meetings.recordTranscript(organizationId, meetingId, ref);
        return new FetchedTranscript(ref, download.fileName(), content.length);
    }
}
