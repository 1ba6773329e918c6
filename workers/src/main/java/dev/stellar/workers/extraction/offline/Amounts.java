package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.MoneyMentions.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which amount is which: the estate's value, the deal's price. Each amount is scored by
 * the words around it (and the question it answers); corrections ("sorry, I meant...") win over what they correct.
 */
final class Amounts {

    private static final Pattern ESTATE = Lexicon.of("worth|estate|net worth|assets|everything|all together|altogether"
            + "|in total|all in|all told|total|combined|ballpark|overall|house|home|property|retirement|401k|401\\(k\\)|ira"
            + "|portfolio|savings|investments?|accounts|brokerage|land|farm|business|own|have");
    private static final Pattern ESTATE_TOTAL = Lexicon.of("worth|net worth|estate|everything|all together|altogether|in total"
            + "|all in|all told|total|combined|overall|whole thing|all of it|add(?:s|ed)? up|comes? out|puts? us|put it|call it");
    private static final Pattern ESTATE_PART = Lexicon.of("house|home|property|retirement|401k|401\\(k\\)|ira|portfolio"
            + "|savings|brokerage|life insurance|land|farm|mortgage|car|boat|cabin|pension|cds|equity|building");
    /** Money that is not what the client owns: a policy's payout, care costs, taxes, what others paid. */
    private static final Pattern NOT_THE_ESTATE = Lexicon.of("policy|life insurance|premium|death benefit|a month|per month"
            + "|a year|per year|tax|exemption|nursing|care|lawyer|attorney|paid|cost|costs|fee|price|charge");
    /** A question that lists what the client owns ("Home, retirement, life insurance?") asks about the estate. */
    private static final Pattern ASSETS_ASKED = Lexicon.of("worth|estate|assets|house|home|property|retirement"
            + "|401k|ira|savings|accounts|investments?");
    private static final Pattern CORRECTION = Lexicon.of("i meant|i mean|sorry|actually|correction|make that|scratch that"
            + "|no wait|wait|let me correct|rather|more like|plus");

    private static final Pattern PRICE = Lexicon.of("price|pricing|cost|costs|fee|flat|flat fee|comes to|come to|comes out to"
            + "|total|investment|charge|quote|would be|will be|is going to be|includes|including|included|covers|for both"
            + "|for the both|for the two of you|for you|that's|it's|is|are|can do it for|locks? in");
    /** A price the adviser lowers or replaces on the call ("if you start today, I can do it for..."). */
    private static final Pattern NEW_PRICE = Lexicon.of("can do it for|do it for|discount|special|enrollment|today only"
            + "|locks? in|instead");
    private static final Pattern PRODUCT_NAMED = Lexicon.of("will|wills|trust|plan|package|directive|power of attorney|poas?"
            + "|restatement|amendment|documents");
    private static final Pattern PAYMENT_TAKEN = Lexicon.of("approved|running|run it|charged|received|went through");
    /** Money beside the deal's price: part payments, instalments, other firms' prices, the client's assets. */
    private static final Pattern NOT_THE_PRICE = Lexicon.of("deposit|retainer|down payment|per month|a month|monthly|month"
            + "|installments?|instalments?|legalzoom|online|other firm|another firm|other place|last time|we paid|i paid"
            + "|paid for|my brother|my sister|buddy|friend|coworker|neighbor|they charged|quoted us|quoted me|elsewhere"
            + "|competitor|worth|estate(?! plan)|house|home|retirement|savings|ira|401k|portfolio|insurance(?! trust)|premium|assets"
            + "|tax|taxes|exemption|probate|court|nursing|care|a year|per year|save|saves"
            + "|add-on|add on|another|additional|on top of|optional");
    /** What an amount stands for, said right after it: "$300 each, so $600 for both". */
    private static final Pattern PART_AFTER = Pattern.compile("^\\s*(?:each|apiece|a piece|per person|a month|per month|a year)\\b");
    private static final Pattern NUMBER = Pattern.compile("\\$?\\d+(?:\\.\\d+)?");

    private Amounts() {
    }

    /**
     * The client's own total: the amount they give when asked what they have, the last one when they correct
     * themselves ("six fifty? No, more like four hundred thousand"), and above all the one the adviser repeats back.
     * Totals said short ("five-fifty", "one point four") are read as thousands or millions.
     */
    static Optional<Finding> estateValue(CallText call, FieldDefinition field) {
        Money best = null;
        BigDecimal bestAmount = null;
        int bestScore = 0;
        for (Money money : MoneyMentions.in(call)) {
            Sentence s = money.sentence();
            String question = question(call, s);
            String context = s.lower() + " " + question;
            boolean otherMoney = Lexicon.has(NOT_THE_ESTATE, s.lower())
                    || Lexicon.has(NOT_THE_ESTATE, question) && !Lexicon.has(ASSETS_ASKED, question);
            if (!s.customer() || !Lexicon.has(ESTATE, s.lower()) && !answersEstateQuestion(call, s)
                    || otherMoney && !Lexicon.has(ESTATE_TOTAL, s.lower())) {
                continue;
            }
            BigDecimal amount = asEstate(money);
            int score = 0;
            if (Lexicon.has(ESTATE, context)) {
                score += 1;
            }
            if (Lexicon.has(ESTATE_TOTAL, s.lower())) {
                score += 2;
            }
            if (Lexicon.has(ESTATE_PART, s.lower()) && !Lexicon.has(ESTATE_TOTAL, s.lower())) {
                score -= 1;
            }
            if (amount.compareTo(BigDecimal.valueOf(20_000)) < 0) {
                score -= 5;
            }
            if (repeatedByAdviser(call, s, amount)) {
                score += 4;
            }
            if (best != null && Lexicon.has(CORRECTION, s.lower()) && call.position(s) - call.position(best.sentence()) < 0.1) {
                score = Math.max(score, bestScore); // "sorry, I meant 1.2" replaces what it corrects
            }
            if (score > 0 && score >= bestScore) {
                best = money;
                bestAmount = amount;
                bestScore = score;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        return Optional.of(new Finding(MoneyMentions.value(bestAmount, best.currency()), Math.min(0.9, 0.55 + 0.07 * bestScore), best.sentence()));
    }

    /**
     * The customers are still answering the adviser's last question, and it was about what they own: the answer
     * may run over several turns ("Plus my 401(k)..." "Oh, right, so like three-eighty").
     */
    private static boolean answersEstateQuestion(CallText call, Sentence answer) {
        int statements = 0;
        for (int i = answer.index() - 1; i >= 0 && statements < 2; i--) {
            Sentence earlier = call.sentences().get(i);
            if (earlier.customer()) {
                continue;
            }
            if (earlier.isQuestion()) {
                return Lexicon.has(ESTATE, earlier.lower());
            }
            statements++;
        }
        return false;
    }

    /** Bare small numbers in an answer about the estate are said short: "1.4" is millions, "550" thousands. */
    private static BigDecimal asEstate(Money money) {
        BigDecimal amount = money.amount();
        if (money.explicit()) {
            return amount;
        }
        if (amount.compareTo(BigDecimal.valueOf(100)) < 0) {
            return plain(amount.multiply(BigDecimal.valueOf(1_000_000)));
        }
        if (amount.compareTo(BigDecimal.valueOf(10_000)) < 0) {
            return plain(amount.multiply(BigDecimal.valueOf(1_000)));
        }
        return amount;
    }

    private static BigDecimal plain(BigDecimal amount) {
        return new BigDecimal(amount.stripTrailingZeros().toPlainString());
    }

    /** The adviser's next turn opens by repeating the amount, in full or short: "One point seven million. Great." */
    private static boolean repeatedByAdviser(CallText call, Sentence said, BigDecimal amount) {
        List<Sentence> reply = call.nextTurn(said);
        if (reply.isEmpty() || reply.get(0).customer()) {
            return false;
        }
        Matcher first = NUMBER.matcher(reply.get(0).lower());
        if (!first.find() || first.start() > 2) {
            return false;
        }
        BigDecimal repeated = new BigDecimal(first.group().replace("$", ""));
        return Stream.of(BigDecimal.ONE, BigDecimal.valueOf(1_000), BigDecimal.valueOf(1_000_000))
                .anyMatch(scale -> repeated.multiply(scale).compareTo(amount) == 0);
    }

    /**
     * The price of what is sold or proposed: an amount the adviser states as a price, the more so when the client
     * repeats it back, it is what the card was charged or it is the price of the product the client picks; a price
     * lowered on the call replaces the list price. Add-ons offered on top are not it.
     * Deposits, instalments, per-document prices, other firms' prices and the client's assets are not it.
     */
    static Optional<Finding> dealAmount(CallText call, FieldDefinition field) {
        Optional<String> chosen = Products.chosen(call);
        Money best = null;
        int bestScore = 0;
        for (Money money : MoneyMentions.in(call)) {
            Sentence s = money.sentence();
            String lower = s.lower();
            if (!couldBePrice(money)) {
                continue;
            }
            int score = s.customer() ? 0 : 2;
            if (Lexicon.has(PRICE, lower)) {
                score += 2;
            }
            if (Lexicon.has(PRODUCT_NAMED, lower)) {
                score += 1;
            }
            if (!s.customer() && MoneyMentions.echoed(call, s, money.amount())) {
                score += 2;
            }
            if (!s.customer() && Lexicon.has(NEW_PRICE, lower)) {
                score += 3;
            }
            if (!s.customer() && Lexicon.has(PAYMENT_TAKEN, lower)) {
                score += 3;
            }
            if (chosen.isPresent() && chosen.equals(Products.namedIn(call, s))) {
                score += 3;
            }
            if (score >= bestScore) {
                best = money;
                bestScore = score;
            }
        }
        final int score = bestScore;
        return Optional.ofNullable(best).filter(m -> score >= 4)
                .map(m -> new Finding(m.value(), Math.min(0.9, 0.45 + 0.06 * score), m.sentence()));
    }

    /** An amount in a price's range that is not a part payment, someone else's price or the client's assets. */
    static boolean couldBePrice(Money money) {
        String lower = money.sentence().lower();
        String after = lower.substring(Math.min(lower.length(), money.start() + money.amount().toPlainString().length() + 1));
        return money.amount().compareTo(BigDecimal.valueOf(100)) >= 0 && money.amount().compareTo(BigDecimal.valueOf(100_000)) <= 0
                && !Lexicon.has(NOT_THE_PRICE, lower) && !PART_AFTER.matcher(after).find();
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
