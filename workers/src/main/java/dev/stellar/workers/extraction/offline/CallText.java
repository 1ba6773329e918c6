package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.transcript.Sentences;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The call as the rules read it: sentences with their speaker's role, each in three forms (as said, for quoting;
 * with spoken numbers as digits; lower-cased for phrase matching). Built once per extraction.
 */
final class CallText {

    private static final int MAX_QUOTE = 280;

    record Sentence(Utterance utterance, int index, boolean customer, String text, String normalized, String lower) {

        String speaker() {
            return utterance.speaker();
        }

        boolean isQuestion() {
            return text.stripTrailing().endsWith("?");
        }
    }

    private final ExtractionContext context;
    private final SpeakerRoles roles;
    private final List<Sentence> sentences;
    private final List<List<Sentence>> byUtterance;
    /** What several rules derive from the whole call (its amounts, the products on offer), worked out once. */
    private final Map<String, Object> derived = new HashMap<>();

    CallText(ExtractionContext context) {
        this.context = context;
        this.roles = SpeakerRoles.of(context.utterances(), context.organisationPeople(), context.owner());
        this.sentences = new ArrayList<>();
        this.byUtterance = new ArrayList<>();
        for (Utterance u : context.utterances()) {
            List<Sentence> own = new ArrayList<>();
            for (String piece : Sentences.of(u.text())) {
                String normalized = SpokenNumbers.normalize(piece);
                Sentence sentence = new Sentence(u, sentences.size(), roles.isCustomer(u.speaker()), piece, normalized,
                        normalized.toLowerCase(Locale.ROOT));
                sentences.add(sentence);
                own.add(sentence);
            }
            byUtterance.add(own);
        }
    }

    /** The value derived from the whole call under this name, computed on first use. */
    @SuppressWarnings("unchecked")
    <T> T derived(String name, Supplier<T> compute) {
        Object known = derived.get(name);
        if (known == null) {
            known = compute.get();
            derived.put(name, known);
        }
        return (T) known;
    }

    List<Sentence> sentences() {
        return sentences;
    }

    SpeakerRoles roles() {
        return roles;
    }

    List<Utterance> utterances() {
        return context.utterances();
    }

    LocalDate referenceDate() {
        return context.referenceDate();
    }

    /** The schema's field of that key, for rules that read another field's values (the products on offer). */
    Optional<FieldDefinition> field(String key) {
        return context.schema().field(key);
    }

    /** The sentences of the sentence's own utterance. */
    List<Sentence> turnOf(Sentence sentence) {
        return byUtterance.get(positionOf(sentence.utterance()));
    }

    /** The sentences of the utterance before this sentence's one (what a customer's answer answers). */
    List<Sentence> previousTurn(Sentence sentence) {
        int position = positionOf(sentence.utterance());
        for (int i = position - 1; i >= 0; i--) {
            List<Sentence> turn = byUtterance.get(i);
            if (!turn.isEmpty() && !turn.get(0).speaker().equals(sentence.speaker())) {
                return turn;
            }
        }
        return List.of();
    }

    /** The sentences of the next utterance by someone else (how a proposal was answered). */
    List<Sentence> nextTurn(Sentence sentence) {
        int position = positionOf(sentence.utterance());
        for (int i = position + 1; i < byUtterance.size(); i++) {
            List<Sentence> turn = byUtterance.get(i);
            if (!turn.isEmpty() && !turn.get(0).speaker().equals(sentence.speaker())) {
                return turn;
            }
        }
        return List.of();
    }

    /** Where a sentence sits in the call, 0 at the start and 1 at the end. */
    double position(Sentence sentence) {
        return sentences.size() <= 1 ? 0 : (double) sentence.index() / (sentences.size() - 1);
    }

    private int positionOf(Utterance utterance) {
        List<Utterance> all = context.utterances();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == utterance) {
                return i;
            }
        }
        return -1;
    }

    /** A quote the evidence check accepts: a verbatim piece of the utterance, cut at a word if long. */
    static String quote(Sentence sentence) {
        String text = sentence.text().strip();
        if (text.length() <= MAX_QUOTE) {
            return text;
        }
        int cut = text.lastIndexOf(' ', MAX_QUOTE);
        return text.substring(0, cut > 0 ? cut : MAX_QUOTE);
    }
}
