package dev.stellar.workers.transcript;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;

public record Transcript(TranscriptFormat format, List<Utterance> utterances) {

    public Transcript {
        utterances = List.copyOf(utterances);
    }

    /** Speakers in order of first appearance. */
    public List<String> speakers() {
        LinkedHashSet<String> speakers = new LinkedHashSet<>();
        utterances.forEach(u -> speakers.add(u.speaker()));
        return List.copyOf(speakers);
    }

    /** End of the last timed utterance, or 0 when the format has no times. */
    public long durationMs() {
        return utterances.stream()
                .map(u -> u.endMs() != null ? u.endMs() : u.startMs())
                .filter(Objects::nonNull)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
    }
}
