package dev.stellar.workers.metrics;

import dev.stellar.playbooks.signal.PhraseSet;
import dev.stellar.workers.metrics.ConversationMetrics.Monologue;
import dev.stellar.workers.metrics.ConversationMetrics.SpeakerMetrics;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.TranscriptFormat;
import dev.stellar.workers.transcript.Utterance;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Computes {@link ConversationMetrics} from a transcript. Pure and deterministic. */
@Component
public class ConversationAnalyzer {

    /** "Mm-hmm", "Right.", "Yeah, yeah": acknowledgements that do not interrupt the speaker. */
    private static final int BACKCHANNEL_MAX_WORDS = 2;
    private static final PhraseSet FILLERS = PhraseSet.of("um", "uh", "uhm", "erm", "er", "you know", "i mean",
            "basically", "literally", "kind of", "sort of");
    private static final Pattern QUESTION = Pattern.compile("\\?+");

    /** A run of consecutive utterances by one speaker. */
    private record Turn(String speaker, Long startMs, Long endMs) {

        Long durationMs() {
            return startMs == null || endMs == null ? null : Math.max(0, endMs - startMs);
        }
    }

    /**
     * @param format how the transcript was written: cue formats (WebVTT, SRT) give when each utterance
     *               ends, so pauses can be measured; timestamped text gives only starts (an utterance
     *               ends when the next begins); speaker text gives no times at all
     */
    public ConversationMetrics analyze(List<Utterance> transcript, SpeakerRoles roles, TranscriptFormat format) {
        boolean timed = format != TranscriptFormat.SPEAKER_TEXT && !transcript.isEmpty()
                && transcript.stream().allMatch(u -> u.startMs() != null);
        boolean pausesKnown = timed && (format == TranscriptFormat.WEBVTT || format == TranscriptFormat.SRT);
        List<Utterance> utterances = timed ? withEnds(transcript) : transcript;
        List<Turn> turns = turns(utterances);

        Map<String, long[]> perSpeaker = new LinkedHashMap<>(); // words, talkMs, questions, fillers, longest turn
        for (Utterance u : utterances) {
            long[] s = perSpeaker.computeIfAbsent(u.speaker(), k -> new long[5]);
            s[0] += u.words();
            s[1] += timed ? Math.max(0, u.endMs() - u.startMs()) : 0;
            s[2] += QUESTION.matcher(u.text()).results().count();
            s[3] += FILLERS.count(u.text());
        }
        for (Turn t : turns) {
            if (timed) {
                long[] s = perSpeaker.get(t.speaker());
                s[4] = Math.max(s[4], t.durationMs());
            }
        }
        long totalTalk = perSpeaker.values().stream().mapToLong(s -> timed ? s[1] : s[0]).sum();

        List<SpeakerMetrics> speakers = new ArrayList<>();
        long repWords = 0;
        long repTalk = 0;
        long repFillers = 0;
        int repQuestions = 0;
        int customerQuestions = 0;
        for (Map.Entry<String, long[]> e : perSpeaker.entrySet()) {
            long[] s = e.getValue();
            boolean rep = roles.reps().contains(e.getKey());
            long share = timed ? s[1] : s[0];
            speakers.add(new SpeakerMetrics(e.getKey(), rep, (int) s[0], s[1],
                    totalTalk == 0 ? 0 : round((double) share / totalTalk, 4),
                    timed && s[1] > 0 ? round(s[0] / (s[1] / 60_000.0), 1) : null,
                    (int) s[2], (int) s[3], s[4]));
            if (rep) {
                repWords += s[0];
                repTalk += timed ? s[1] : s[0];
                repFillers += s[3];
                repQuestions += (int) s[2];
            } else {
                customerQuestions += (int) s[2];
            }
        }
        speakers.sort(Comparator.comparingDouble(SpeakerMetrics::talkRatio).reversed());

        Long duration = timed ? utterances.get(utterances.size() - 1).endMs() - utterances.get(0).startMs() : null;
        return new ConversationMetrics(
                duration,
                roles.reps().isEmpty() || totalTalk == 0 ? null : round((double) repTalk / totalTalk, 4),
                timed ? longest(turns, roles, true).orElse(null) : null,
                timed ? longest(turns, roles, false).orElse(null) : null,
                repQuestions,
                customerQuestions,
                timed && duration > 0 ? round(switches(turns) / (duration / 60_000.0), 2) : null,
                pausesKnown ? patience(turns, roles) : null,
                timed && !roles.reps().isEmpty() && repTalk > 0 ? round(repWords / (repTalk / 60_000.0), 1) : null,
                repWords == 0 ? null : round(repFillers * 100.0 / repWords, 2),
                speakers);
    }

    /** The last utterance of a timestamped-text transcript has no end: estimate it from its words at 150 per minute. */
    private static List<Utterance> withEnds(List<Utterance> utterances) {
        return utterances.stream()
                .map(u -> u.endMs() != null ? u
                        : new Utterance(u.seq(), u.speaker(), u.startMs(), u.startMs() + u.words() * 400L, u.text()))
                .toList();
    }

    /** Consecutive utterances of one speaker, with short acknowledgements by others folded in. */
    private static List<Turn> turns(List<Utterance> utterances) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < utterances.size(); i++) {
            Utterance u = utterances.get(i);
            Turn last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.speaker().equals(u.speaker())) {
                turns.set(turns.size() - 1, new Turn(last.speaker(), last.startMs(), u.endMs()));
            } else if (last != null && isBackchannel(u) && i + 1 < utterances.size()
                    && utterances.get(i + 1).speaker().equals(last.speaker())) {
                continue; // "mm-hmm" while the other keeps talking
            } else {
                turns.add(new Turn(u.speaker(), u.startMs(), u.endMs()));
            }
        }
        return turns;
    }

    private static boolean isBackchannel(Utterance u) {
        return u.words() <= BACKCHANNEL_MAX_WORDS && !u.text().contains("?");
    }

    private static Optional<Monologue> longest(List<Turn> turns, SpeakerRoles roles, boolean reps) {
        return turns.stream()
                .filter(t -> roles.reps().contains(t.speaker()) == reps)
                .max(Comparator.comparingLong(Turn::durationMs))
                .map(t -> new Monologue(t.speaker(), t.startMs(), t.durationMs()));
    }

    private static int switches(List<Turn> turns) {
        return Math.max(0, turns.size() - 1);
    }

    /** Average gap between the end of a customer's turn and the start of the rep's reply; overlaps count as 0. */
    private static Long patience(List<Turn> turns, SpeakerRoles roles) {
        long total = 0;
        int replies = 0;
        for (int i = 1; i < turns.size(); i++) {
            Turn before = turns.get(i - 1);
            Turn reply = turns.get(i);
            if (!roles.reps().contains(before.speaker()) && roles.reps().contains(reply.speaker())) {
                total += Math.max(0, reply.startMs() - before.endMs());
                replies++;
            }
        }
        return replies == 0 ? null : total / replies;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
