package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The budget a business buyer states for the purchase: not what they pay today, not a price or a rival's quote.
 * Buyers state budgets in shorthand ("one-eighty", "sixty-five", "two-fifty" for thousands) and correct themselves
 * ("sixty— sorry, seventy"), so amounts are read here from the words as said; the last budget stated wins.
 */
final class Budgets {

    private static final String NUMBER_WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    private static final String TERM = "(?:\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|" + NUMBER_WORD + "\\b)";
    private static final String SCALE = "(?:hundred|thousand|million|grand|k)\\b";
    private static final Pattern AMOUNT = Pattern.compile("(?<!')(?<symbol>[$€£]\\s?)?(?<run>(?:\\ba(?=\\s+" + SCALE + ")|\\b" + TERM + ")"
            + "(?:(?:\\s+|-)(?:and\\s+)?(?:" + TERM + "|" + SCALE + "|point\\b))*(?:\\s?k\\b)?)"
            + "(?![-\\p{L}])(?:\\s+(?<word>(?:(?:us|american|canadian|australian|aussie|new zealand)\\s+)?(?:dollars|bucks)"
            + "|canadian|australian|euros?|pounds|quid)\\b)?");
    private static final Pattern SCALED = Pattern.compile("\\b(?:hundred|thousand|million|grand)\\b|\\dk\\b|\\sk\\b");
    /** Words that make a number money by themselves. */
    private static final Pattern MONEY_SCALE = Pattern.compile("\\bgrand\\b|\\dk\\b|\\sk\\b");
    /** "one-eighty", "two-fifty": hundreds and tens said as two words. */
    private static final Pattern HUNDREDS_SHORTHAND = Pattern.compile("^(?:one|two|three|four|five|six|seven|eight|nine)[- ]"
            + "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?$");
    /** A bare number followed by a noun counts things, not money: "four hundred stores". */
    private static final Pattern COUNTED_NOUN = Pattern.compile("^\\s+(?!a\\b|per\\b|for\\b|all\\b|flat\\b|total\\b|budgeted\\b"
            + "|set\\b|in\\b|on\\b|to\\b|max\\b|maximum\\b|tops\\b|or\\b|and\\b|is\\b|that\\b|this\\b|which\\b|but\\b|so\\b)\\p{L}");
    private static final Pattern STRUCK_OUT = Pattern.compile("^\\s*[—–-]*\\s*,?\\s*(?:no,?\\s+)?(?:sorry|wait|i mean|actually|not)\\b");

    private static final Pattern BUDGET = Lexicon.of("budget|budgeted|line item|set aside|allocated|approved|earmarked|can spend"
            + "|could spend"
            + "|(?:our|my|the|hard|budget|spending) cap|ceiling|to work with|for this|max|maximum|tops|afford"
            + "|up to (?:about |around )?(?=[$€£\\d]|" + NUMBER_WORD + ")");
    private static final Pattern NOT_THE_BUDGET = Lexicon.of("last year|spent|spend on|pay|paying|paid|charge|charges|costs? us"
            + "|quote|quoted|offered|came in|come in|list price|discount|revenue|sales|lose|losing|lost|left|on the table"
            + "|over|under|above|below|more than|less than|extra|per seat|a seat|per user|a user|salary|fees");
    private static final int MAX_RESTATEMENT_WORDS = 8;

    private Budgets() {
    }

    static Optional<Finding> budget(CallText call, FieldDefinition field) {
        Finding found = null;
        List<Sentence> sentences = call.sentences();
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            String said = s.text().toLowerCase(Locale.ROOT);
            if (!s.customer() || Lexicon.has(NOT_THE_BUDGET, said)
                    || !Lexicon.has(BUDGET, said) && !restatesBudget(sentences, i)) {
                continue;
            }
            for (Matcher m = AMOUNT.matcher(said); m.find(); ) {
                BigDecimal amount = amount(m, said);
                if (amount != null) {
                    found = new Finding(MoneyMentions.value(amount, currency(m, call)), 0.75, s);
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** "Thirty-six thousand." right after "we set aside thirty-two— no, sorry, thirty-six": the same budget, said again. */
    private static boolean restatesBudget(List<Sentence> sentences, int index) {
        Sentence s = sentences.get(index);
        if (s.text().split("\\s+").length > MAX_RESTATEMENT_WORDS) {
            return false;
        }
        for (int back = 1; back <= 3 && index - back >= 0; back++) {
            Sentence earlier = sentences.get(index - back);
            if (earlier.utterance() != s.utterance()) {
                return false;
            }
            if (Lexicon.has(BUDGET, earlier.text().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    /** The amount a match says, in currency units, or null when it is struck out or counts something else. */
    private static BigDecimal amount(Matcher m, String said) {
        String run = m.group("run").strip();
        String after = said.substring(m.end());
        boolean explicit = m.group("symbol") != null || m.group("word") != null || MONEY_SCALE.matcher(run).find();
        boolean scaled = SCALED.matcher(run).find();
        if (STRUCK_OUT.matcher(after).find() || !explicit && COUNTED_NOUN.matcher(after).find()) {
            return null;
        }
        BigDecimal value = HUNDREDS_SHORTHAND.matcher(run).matches()
                ? shorthandHundreds(run) : SpokenNumbers.valueOf(run.replaceAll("(\\d)k\\b", "$1 k"));
        if (value == null || value.signum() <= 0) {
            return null;
        }
        if (!explicit && !scaled && value.compareTo(BigDecimal.TEN) >= 0 && value.compareTo(BigDecimal.valueOf(1000)) < 0) {
            value = value.multiply(BigDecimal.valueOf(1000)); // "our cap is one-eighty": thousands
        }
        return value.compareTo(BigDecimal.valueOf(1000)) < 0 ? null : value;
    }

    private static BigDecimal shorthandHundreds(String run) {
        String[] words = run.split("[- ]", 2);
        return SpokenNumbers.valueOf(words[0]).multiply(BigDecimal.valueOf(100)).add(SpokenNumbers.valueOf(words[1]));
    }

    /** The currency said with the amount, else the one the call talks in. */
    private static String currency(Matcher m, CallText call) {
        String marked = (m.group("symbol") == null ? "" : m.group("symbol")) + " " + (m.group("word") == null ? "" : m.group("word"));
        return MoneyMentions.currencyNamedIn(marked).orElseGet(() -> MoneyMentions.currenciesSaid(call).entrySet().stream()
                .filter(e -> e.getValue() > 0).max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("USD"));
    }
}
