package dev.stellar.workers.extraction.offline;

import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every amount of money said in the call. Amounts are explicit ($, dollars, grand) or bare numbers in a money
 * context (an answer to "what is it worth?"); a number struck out ("1.2 million, not 2.1") is dropped.
 */
final class MoneyMentions {

    record Money(BigDecimal amount, String currency, Sentence sentence, int start, boolean explicit) {

        Map<String, Object> value() {
            return MoneyMentions.value(amount, currency);
        }
    }

    /** Currencies by how they are said; named dollars come before plain dollars, which they also say. */
    private static final Map<Pattern, String> CURRENCIES = currencies();

    private static final Pattern AMOUNT = Pattern.compile(
            "(?<symbol>[$€£])\\s?(?<n1>\\d+(?:\\.\\d+)?)"
                    + "|(?<n2>\\d+(?:\\.\\d+)?)\\s*(?<word>dollars|bucks|usd|euros?|eur|pounds|gbp)\\b"
                    + "|(?<n3>\\d+(?:\\.\\d+)?)(?=\\s|[,.;:!?)]|$)");
    private static final Pattern NOT_MONEY_AFTER = Pattern.compile(
            "^(?:\\s*(?:%|percent|per ?cent|years?|yrs|months?|weeks?|days?|hours?|minutes?|mins|kids?|children|grandkids"
                    + "|grandchildren|people|reps|seats|users|licen[cs]es|employees|staff|agents|locations|offices|sites|states"
                    + "|countries|times|calls|meetings|deals|accounts|customers|clients|hrs|o'clock|am|pm|a\\.m|p\\.m|sq|square"
                    + "|feet|acres|miles|x\\b|of them|or so (?:years|people)|[-–]?\\s*(?:year|month|day|week)|th\\b|st\\b|nd\\b|rd\\b|:))");
    private static final Pattern NOT_MONEY_BEFORE = Pattern.compile(
            "(?:\\bin|since|back in|by|until|q[1-4]|age|aged|page|number|#|at|turns?|turning)\\s*$");
    private static final Pattern MONEY_CONTEXT = Lexicon.of("worth|estate|net worth|assets|value|valued|house|home|property"
            + "|retirement|401k|401\\(k\\)|ira|portfolio|savings|investments?|insurance|price|pricing|cost|costs|fee|fees|package"
            + "|total|pay|paid|paying|payment|deposit|charge|charged|budget|budgeted|spend|spending|spent|afford|quote|quoted"
            + "|discount|invoice|contract|license|subscription|per year|a year|annually|per month|a month|dollars|money"
            + "|million|grand|k|approved|allocated|set aside|earmarked|renewal|run|runs|comes to|ballpark|roughly|about"
            + "|all told|all in|call it|give or take|flat|includes|included|altogether|all together");
    /** "The restatement is 1500": a bare number right after a verb of being or costing is a price or a value. */
    private static final Pattern STATED_AMOUNT = Pattern.compile("\\b(?:is|are|that's|it's|they're|costs?|runs?|for)\\s+(?:like\\s+|about\\s+)?$");
    private static final Pattern STRUCK_OUT = Pattern.compile("\\bnot\\s+\\$?\\s?$");

    private MoneyMentions() {
    }

    static List<Money> in(CallText call) {
        return call.derived("money", () -> {
            List<Money> all = new ArrayList<>();
            for (Sentence sentence : call.sentences()) {
                all.addAll(in(call, sentence));
            }
            return List.copyOf(all);
        });
    }

    static List<Money> in(CallText call, Sentence sentence) {
        List<Money> found = new ArrayList<>();
        String text = sentence.lower();
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            String number = m.group("n1") != null ? m.group("n1") : m.group("n2") != null ? m.group("n2") : m.group("n3");
            BigDecimal amount = new BigDecimal(number);
            String before = text.substring(0, m.start());
            if (STRUCK_OUT.matcher(before).find()) {
                continue;
            }
            boolean explicit = m.group("n3") == null;
            if (!explicit) {
                String after = text.substring(m.end());
                if (tooSmall(amount) || NOT_MONEY_AFTER.matcher(after).find()
                        || looksLikeYear(amount, before) || NOT_MONEY_BEFORE.matcher(before).find()
                        && amount.compareTo(BigDecimal.valueOf(10_000)) < 0
                        || !inMoneyContext(call, sentence) && !stated(amount, before) && !echoed(call, sentence, amount)) {
                    continue;
                }
            }
            String marker = m.group("symbol") != null ? m.group("symbol") : m.group("word");
            String currency = marker == null ? "USD" : currencyNamedIn(marker).orElse("USD");
            found.add(new Money(new BigDecimal(amount.stripTrailingZeros().toPlainString()), currency, sentence, m.start(),
                    explicit));
        }
        return found;
    }

    /** Below 100 a bare number is money only as millions said short: "more like one point four". */
    private static boolean tooSmall(BigDecimal amount) {
        return amount.compareTo(BigDecimal.valueOf(100)) < 0 && (amount.scale() <= 0 || amount.compareTo(BigDecimal.valueOf(20)) > 0);
    }

    private static boolean stated(BigDecimal amount, String before) {
        return amount.compareTo(BigDecimal.valueOf(100)) >= 0 && STATED_AMOUNT.matcher(before).find();
    }

    /**
     * Said back by the other side in the next turn, as is or in full ("Fifteen hundred." after a price of 1500,
     * "Three hundred and eighty thousand." after "three-eighty"): people repeat prices and totals.
     */
    static boolean echoed(CallText call, Sentence sentence, BigDecimal amount) {
        if (amount.compareTo(BigDecimal.valueOf(100)) < 0 && amount.scale() <= 0) {
            return false;
        }
        List<Pattern> repeats = Stream.of(1L, 1_000L, 1_000_000L)
                .map(scale -> amount.multiply(BigDecimal.valueOf(scale)).stripTrailingZeros().toPlainString())
                .map(number -> Pattern.compile("(?<![\\d.,])\\$?" + Pattern.quote(number) + "(?!\\d|\\.\\d)"))
                .toList();
        return call.nextTurn(sentence).stream()
                .anyMatch(reply -> repeats.stream().anyMatch(repeat -> repeat.matcher(reply.lower()).find()));
    }

    private static boolean looksLikeYear(BigDecimal amount, String before) {
        int value = amount.intValue();
        return amount.scale() <= 0 && value >= 1950 && value <= 2100;
    }

    /** Money words in the sentence, the one before it in the same turn ("They quoted me seven. Seven thousand."), or the question. */
    private static boolean inMoneyContext(CallText call, Sentence sentence) {
        List<Sentence> turn = call.turnOf(sentence);
        int at = turn.indexOf(sentence);
        if (Lexicon.has(MONEY_CONTEXT, sentence.lower()) || at > 0 && Lexicon.has(MONEY_CONTEXT, turn.get(at - 1).lower())) {
            return true;
        }
        return call.previousTurn(sentence).stream().anyMatch(s -> s.isQuestion() && Lexicon.has(MONEY_CONTEXT, s.lower()));
    }

    /** A field value of money, as the API writes it: {@code {"amount": 1200000, "currency": "USD"}}. */
    static Map<String, Object> value(BigDecimal amount, String currency) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("amount", new BigDecimal(amount.stripTrailingZeros().toPlainString()));
        value.put("currency", currency);
        return value;
    }

    /** The currency a symbol or word names ("€", "quid", "Canadian dollars"), if any. */
    static Optional<String> currencyNamedIn(String said) {
        String lower = said.toLowerCase(Locale.ROOT);
        return CURRENCIES.entrySet().stream().filter(c -> c.getKey().matcher(lower).find()).map(Map.Entry::getValue).findFirst();
    }

    /** How many sentences of the call name each currency: what an amount said without one is in. */
    static Map<String, Long> currenciesSaid(CallText call) {
        return call.derived("currencies", () -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            for (Map.Entry<Pattern, String> currency : CURRENCIES.entrySet()) {
                counts.put(currency.getValue(), call.sentences().stream()
                        .filter(s -> currency.getKey().matcher(s.text().toLowerCase(Locale.ROOT)).find()).count());
            }
            return counts;
        });
    }

    private static Map<Pattern, String> currencies() {
        Map<Pattern, String> currencies = new LinkedHashMap<>();
        currencies.put(Pattern.compile("€|\\beuros?\\b|\\beur\\b"), "EUR");
        currencies.put(Pattern.compile("£|\\bpounds\\b|\\bquid\\b|\\bgbp\\b"), "GBP");
        currencies.put(Pattern.compile("\\bcanadian\\b|\\bcad\\b|\\bc\\$"), "CAD");
        currencies.put(Pattern.compile("\\baustralian\\b|\\baussie\\b|\\baud\\b|\\ba\\$"), "AUD");
        currencies.put(Pattern.compile("\\bnew zealand\\b|\\bnzd\\b|\\bnz\\$"), "NZD");
        currencies.put(Pattern.compile("\\$|\\bdollars\\b|\\bbucks\\b|\\busd\\b"), "USD");
        return currencies;
    }
}
