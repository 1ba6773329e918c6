package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.MoneyMentions.Money;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which amount is which: the estate's value, the deal's price. Each amount is scored by
 * the words around it (and the question it answers); corrections ("sorry, I meant...") win over what they correct.
 */
final class Amounts {

    private static final Pattern ESTATE = Lexicon.of("worth|estate|net worth|assets|everything|all together|altogether"
            + "|in total|all in|all told|total|combined|ballpark|overall|house|home|property|retirement|401k|401\\(k\\)|ira"
            + "|portfolio|savings|investments?|accounts|life insurance|brokerage|land|farm|business");
    private static final Pattern ESTATE_TOTAL = Lexicon.of("worth|net worth|estate|everything|all together|altogether|in total"
            + "|all in|all told|total|combined|overall|whole thing|all of it|add(?:s|ed)? up|comes? out|puts? us|put it");
    private static final Pattern ESTATE_PART = Lexicon.of("house|home|property|retirement|401k|401\\(k\\)|ira|portfolio"
            + "|savings|brokerage|life insurance|land|farm|mortgage|car|boat|cabin|pension");
    private static final Pattern PRICE = Lexicon.of("price|pricing|cost|costs|fee|flat fee|package|comes to|come to"
            + "|comes out to|total|investment|pay|paying|charge|charged|run the card|runs|it's|it is|that's|that is"
            + "|quote|quoted|discount|for the|would be|will be|is going to be|everything included|all in");
    private static final Pattern NOT_THE_PRICE = Lexicon.of("deposit|down payment|per month|a month|monthly|month|installments?"
            + "|legalzoom|online|other firm|another firm|other place|last time|we paid|i paid|paid for|my brother|my sister"
            + "|neighbor|friend|they charged|quoted us|quoted me|elsewhere|competitor|worth|estate|house|home|retirement"
            + "|savings|ira|401k|portfolio|insurance|assets|tax|taxes|exemption|probate|court|lawyer fees|attorney fees|save");
    private static final Pattern CORRECTION = Lexicon.of("i meant|i mean|sorry|actually|correction|make that|scratch that"
            + "|no wait|wait|let me correct|rather|more like");

    private Amounts() {
    }

    static Optional<Finding> estateValue(CallText call, FieldDefinition field) {
        Money best = null;
        int bestScore = 0;
        for (Money money : MoneyMentions.in(call)) {
            Sentence s = money.sentence();
            if (!s.customer()) {
                continue;
            }
            String context = s.lower() + " " + question(call, s);
            int score = 0;
            if (Lexicon.has(ESTATE, context)) {
                score += 1;
            }
            if (Lexicon.has(ESTATE_TOTAL, context)) {
                score += 2;
            }
            if (Lexicon.has(ESTATE_PART, s.lower()) && !Lexicon.has(ESTATE_TOTAL, s.lower())) {
                score -= 1;
            }
            if (money.amount().doubleValue() < 20_000) {
                score -= 3;
            }
            if (best != null && Lexicon.has(CORRECTION, s.lower()) && call.position(s) - call.position(best.sentence()) < 0.1) {
                score = Math.max(score, bestScore); // "sorry, I meant 1.2" replaces what it corrects
            }
            if (score > 0 && score >= bestScore) {
                best = money;
                bestScore = score;
            }
        }
        return Optional.ofNullable(best).map(m -> new Finding(m.value(), 0.6 + 0.1 * Math.min(3, bestScoreOf(m, call)), m.sentence()));
    }

    private static int bestScoreOf(Money money, CallText call) {
        return Lexicon.has(ESTATE_TOTAL, money.sentence().lower()) ? 3 : 1;
    }

    static Optional<Finding> dealAmount(CallText call, FieldDefinition field) {
        Money best = null;
        int bestScore = 0;
        for (Money money : MoneyMentions.in(call)) {
            Sentence s = money.sentence();
            String lower = s.lower();
            if (Lexicon.has(NOT_THE_PRICE, lower) && !Lexicon.has(Lexicon.of("total|all in|comes to|flat fee"), lower)) {
                continue;
            }
            int score = 1;
            if (Lexicon.has(PRICE, lower)) {
                score += 2;
            }
            if (!s.customer()) {
                score += 1;
            }
            if (money.explicit()) {
                score += 1;
            }
            if (score >= bestScore) {
                best = money;
                bestScore = score;
            }
        }
        final int score = bestScore;
        return Optional.ofNullable(best).filter(m -> score >= 3).map(m -> new Finding(m.value(), Math.min(0.9, 0.5 + 0.08 * score), m.sentence()));
    }

    /** Any amount the field's description words sit next to, for an organisation's own money fields. */
    static Optional<Finding> described(CallText call, FieldDefinition field, Pattern descriptionWords) {
        Money best = null;
        for (Money money : MoneyMentions.in(call)) {
            if (Lexicon.has(descriptionWords, money.sentence().lower() + " " + question(call, money.sentence()))) {
                best = money;
            }
        }
        return Optional.ofNullable(best).map(m -> new Finding(m.value(), 0.55, m.sentence()));
    }

    /** The question a customer's sentence answers, lower-cased, or "". */
    static String question(CallText call, Sentence sentence) {
        List<Sentence> previous = call.previousTurn(sentence);
        StringBuilder text = new StringBuilder();
        previous.stream().filter(Sentence::isQuestion).forEach(q -> text.append(q.lower()).append(' '));
        return text.toString();
    }
}
