package dev.stellar.workers.indexing;

import dev.stellar.playbooks.signal.Objection;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Labels each utterance with a conversation phase from its words, its speaker and where it falls in the call, then
 * cuts the call into chunks of one phase, the unit that is embedded and found again by search. A chunk ends where the
 * phase changes once it has some substance (a change after a few words carries on the running chunk) or before it
 * grows past what one embedding should hold.
 */
@Component
public class PhaseChunker {

    static final int MAX_CHUNK_WORDS = 220;
    static final int MIN_CHUNK_WORDS = 25;

    private static final Pattern PRICING = Pattern.compile("\\$\\s?\\d|\\b(?:price|pricing|cost|costs|fee|fees|dollars|budget"
            + "|discount|per month|a month|per year|annually|invoice|payment|pay|quote|package is|total)\\b");
    private static final Pattern PRESENTING = Pattern.compile("\\b(?:let me show|walk you through|the way it works|what we do"
            + "|we offer|includes|included|our (?:platform|product|plan|package|process)|here's how|on my screen|demo)\\b");
    private static final Pattern CLOSING = Pattern.compile("\\b(?:next step|next steps|send you|i'll send|calendar|invite"
            + "|schedule|book|sign|signing|let's do it|go ahead|follow up|talk soon|see you|thanks again|have a great)\\b");
    private static final Pattern GREETING = Pattern.compile("\\b(?:hi|hello|hey|good morning|good afternoon|how are you"
            + "|nice to meet|thanks for (?:joining|making|taking)|my name is|i'm \\p{L}+ from|weather|weekend)\\b");

    /** One chunk: consecutive utterances of one phase. */
    public record Chunk(ConversationPhase phase, int fromSeq, int toSeq, Long startMs, String text) {
    }

    public List<Chunk> chunk(List<Utterance> utterances, SpeakerRoles roles) {
        List<Chunk> chunks = new ArrayList<>();
        List<Utterance> run = new ArrayList<>();
        ConversationPhase runPhase = null;
        int words = 0;
        for (int i = 0; i < utterances.size(); i++) {
            Utterance u = utterances.get(i);
            ConversationPhase phase = phaseOf(u, roles, (double) i / Math.max(1, utterances.size() - 1));
            if (runPhase != null && ((phase != runPhase && words >= MIN_CHUNK_WORDS) || words + u.words() > MAX_CHUNK_WORDS)) {
                chunks.add(chunkOf(runPhase, run));
                run = new ArrayList<>();
                words = 0;
            }
            if (run.isEmpty()) {
                runPhase = phase;
            }
            run.add(u);
            words += u.words();
        }
        if (!run.isEmpty()) {
            chunks.add(chunkOf(runPhase, run));
        }
        return chunks;
    }

    static ConversationPhase phaseOf(Utterance u, SpeakerRoles roles, double position) {
        String text = u.text().toLowerCase(Locale.ROOT);
        boolean customer = roles.isCustomer(u.speaker());
        if (position < 0.12 && GREETING.matcher(text).find()) {
            return ConversationPhase.INTRO;
        }
        if (customer && Arrays.stream(Objection.values()).anyMatch(o -> o.phrases().matches(text))) {
            return ConversationPhase.OBJECTION_HANDLING;
        }
        if (PRICING.matcher(text).find()) {
            return ConversationPhase.PRICING;
        }
        if (position > 0.75 && CLOSING.matcher(text).find()) {
            return ConversationPhase.CLOSE;
        }
        if (!customer && PRESENTING.matcher(text).find()) {
            return ConversationPhase.PRESENTATION;
        }
        return position < 0.12 ? ConversationPhase.INTRO : position > 0.85 ? ConversationPhase.CLOSE : ConversationPhase.DISCOVERY;
    }

    private static Chunk chunkOf(ConversationPhase phase, List<Utterance> run) {
        StringBuilder text = new StringBuilder();
        for (Utterance u : run) {
            text.append(u.speaker()).append(": ").append(u.text()).append('\n');
        }
        return new Chunk(phase, run.get(0).seq(), run.get(run.size() - 1).seq(), run.get(0).startMs(), text.toString().strip());
    }
}
