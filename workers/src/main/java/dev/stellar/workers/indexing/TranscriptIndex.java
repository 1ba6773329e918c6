package dev.stellar.workers.indexing;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.EmbeddingStore;
import dev.langchain4j.store.embedding.filter.Filter;
import dev.stellar.workers.indexing.PhaseChunker.Chunk;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;

/**
 * Meeting chunks in the vector store. Every chunk carries its organisation, and every search filters on it: one
 * organisation never finds another's words. Chunk ids derive from the meeting and position, so indexing a meeting
 * again replaces its chunks instead of adding copies.
 */
@Service
public class TranscriptIndex {

    static final String ORGANIZATION = "organization_id";
    static final String MEETING = "meeting_id";

    private final PhaseChunker chunker;
    private final EmbeddingModel model;
    private final EmbeddingStore<TextSegment> store;

    public TranscriptIndex(PhaseChunker chunker, @Lazy EmbeddingModel model, EmbeddingStore<TextSegment> store) {
        this.chunker = chunker;
        this.model = model;
        this.store = store;
    }

    /** A chunk found by meaning. */
    public record Moment(UUID meetingId, String phase, int fromSeq, int toSeq, Long startMs, String text, double score) {
    }

    /** Replaces the meeting's chunks; returns how many there are. */
    public int index(UUID organizationId, UUID meetingId, List<Utterance> utterances, SpeakerRoles roles) {
        List<Chunk> chunks = chunker.chunk(utterances, roles);
        store.removeAll(ofMeeting(organizationId, meetingId));
        if (chunks.isEmpty()) {
            return 0;
        }
        List<TextSegment> segments = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) {
            Chunk chunk = chunks.get(i);
            Metadata metadata = new Metadata()
                    .put(ORGANIZATION, organizationId.toString())
                    .put(MEETING, meetingId.toString())
                    .put("phase", chunk.phase().key())
                    .put("from_seq", chunk.fromSeq())
                    .put("to_seq", chunk.toSeq());
            if (chunk.startMs() != null) {
                metadata.put("start_ms", chunk.startMs());
            }
            segments.add(TextSegment.from(chunk.text(), metadata));
            ids.add(UUID.nameUUIDFromBytes((meetingId + ":" + i).getBytes(StandardCharsets.UTF_8)).toString());
        }
        List<Embedding> embeddings = model.embedAll(segments).content();
        store.addAll(ids, embeddings, segments);
        return chunks.size();
    }

    /** The organisation's moments closest in meaning to the query. */
    public List<Moment> search(UUID organizationId, String query, int limit) {
        EmbeddingSearchRequest request = EmbeddingSearchRequest.builder()
                .queryEmbedding(model.embed(query).content())
                .filter(metadataKey(ORGANIZATION).isEqualTo(organizationId.toString()))
                .maxResults(limit)
                .minScore(0.5)
                .build();
        List<Moment> moments = new ArrayList<>();
        for (EmbeddingMatch<TextSegment> match : store.search(request).matches()) {
            Metadata m = match.embedded().metadata();
            moments.add(new Moment(UUID.fromString(m.getString(MEETING)), m.getString("phase"), m.getInteger("from_seq"),
                    m.getInteger("to_seq"), m.getLong("start_ms"), match.embedded().text(), match.score()));
        }
        return moments;
    }

    private static Filter ofMeeting(UUID organizationId, UUID meetingId) {
        return metadataKey(ORGANIZATION).isEqualTo(organizationId.toString())
                .and(metadataKey(MEETING).isEqualTo(meetingId.toString()));
    }
}
