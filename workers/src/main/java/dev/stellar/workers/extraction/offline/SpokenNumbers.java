package dev.stellar.workers.extraction.offline;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites numbers as people say them into digits, so one set of patterns reads every form: "two hundred and
 * fifty thousand" → 250000, "one point two million" → 1200000, "$1.2M" → $1200000, "forty-five hundred" → 4500,
 * "3k" → 3000, "eighty grand" → $80000 (grand is always money). The rewritten text is for matching only; evidence
 * quotes come from the original.
 */
final class SpokenNumbers {

    private static final Map<String, Integer> UNITS = Map.ofEntries(
            Map.entry("zero", 0), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9),
            Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("thirteen", 13),
            Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16), Map.entry("seventeen", 17),
            Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20), Map.entry("thirty", 30),
            Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60), Map.entry("seventy", 70),
            Map.entry("eighty", 80), Map.entry("ninety", 90));
    private static final Map<String, Long> SCALES = Map.of("hundred", 100L, "thousand", 1_000L, "million", 1_000_000L,
            "billion", 1_000_000_000L, "grand", 1_000L, "k", 1_000L, "m", 1_000_000L, "mil", 1_000_000L);

    private static final String WORD = "(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
            + "|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?!\\p{L})"; // whole words: "eighty" is not "eight" + "y"
    private static final String SCALE = "(?:hundred|thousand|million|billion|grand)";
    private static final String DIGITS = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    private static final String TERM = "(?:" + DIGITS + "|" + WORD + "(?:-" + WORD + ")?|a(?=\\s+" + SCALE + ")|half(?=\\s+a\\s+million)"
            + "|and\\s+a\\s+half(?=\\s+" + SCALE + "))";
    /** A run of number words and scales: "two hundred and fifty thousand", "1.2 million", "one point two five million". */
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\w.,])(?<body>" + TERM + "(?:(?:\\s+|-)(?:and\\s+|a\\s+)?(?:" + TERM + "|" + SCALE + "|point\\s+" + WORD + "(?:\\s+" + WORD + ")*))*"
                    + "(?:\\s?(?:" + SCALE + "|k|m|mil)\\b)?)(?![\\w,]*\\d)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TOKEN = Pattern.compile(DIGITS + "|[a-z]+", Pattern.CASE_INSENSITIVE);
    /**
     * Prices said as "two ninety-five", "nine fifty", "fourteen-fifty" or "forty-three twenty": a number below a
     * hundred then a tens word means hundreds. The same words are a clock time after "at" or before "a.m.", so
     * there they keep their old reading.
     */
    private static final String UNIT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)";
    private static final String TEEN_OR_TENS_WORD = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
            + "|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)";
    private static final Pattern HUNDREDS_SHORTHAND = Pattern.compile(
            "(?i)(?<hundreds>" + UNIT_WORD + "|" + TEEN_OR_TENS_WORD + "(?:-" + UNIT_WORD + ")?)[\\s-]+(?<rest>"
                    + TEEN_OR_TENS_WORD + "(?:-" + UNIT_WORD + ")?)");
    private static final Pattern CLOCK_BEFORE = Pattern.compile(
            "(?i)(?:\\b(?:at|by|around|until|till|from|after|before|tomorrow|tonight|today|morning|afternoon|evening"
                    + "|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|\\d(?:st|nd|rd|th))[\\s,]*$");
    private static final Pattern CLOCK_AFTER = Pattern.compile(
            "(?i)^[\\s,]*(?:a\\.?m\\b|p\\.?m\\b|o'clock|in the|on |tomorrow|tonight|today|works|is good|is fine|our time)");

    private SpokenNumbers() {
    }

    static String normalize(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String body = m.group("body");
            BigDecimal value = valueOf(body);
            String replacement;
            if (value == null) {
                replacement = body;
            } else if (isHundredsShorthand(body, text.substring(0, m.start()), text.substring(m.end()))) {
                replacement = String.valueOf(hundredsShorthand(body));
            } else {
                boolean grand = body.toLowerCase(Locale.ROOT).endsWith("grand");
                boolean dollarBefore = m.start() > 0 && text.charAt(m.start() - 1) == '$';
                replacement = (grand && !dollarBefore ? "$" : "") + value.stripTrailingZeros().toPlainString();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static boolean isHundredsShorthand(String body, String before, String after) {
        return HUNDREDS_SHORTHAND.matcher(body).matches() && !CLOCK_BEFORE.matcher(before).find()
                && !CLOCK_AFTER.matcher(after).find();
    }

    private static long hundredsShorthand(String body) {
        Matcher m = HUNDREDS_SHORTHAND.matcher(body);
        m.matches();
        return valueOf(m.group("hundreds")).longValue() * 100L + valueOf(m.group("rest")).longValue();
    }

    /** The value of one run, or {@code null} when it is not a number after all ("a", "one of them" stays). */
    static BigDecimal valueOf(String run) {
        Matcher tokens = TOKEN.matcher(run.toLowerCase(Locale.ROOT).replace('-', ' ')
                .replaceAll("\\ba half\\b|\\bhalf a\\b", "half")); // "two and a half", "half a million": the "a" is no one
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal current = null;
        boolean sawNumber = false;
        boolean afterPoint = false;
        StringBuilder decimals = new StringBuilder();
        while (tokens.find()) {
            String token = tokens.group();
            if (token.equals("and")) {
                continue;
            }
            if (token.equals("point")) {
                afterPoint = true;
                continue;
            }
            if (afterPoint && UNITS.containsKey(token) && UNITS.get(token) < 10) {
                decimals.append(UNITS.get(token));
                continue;
            }
            if (afterPoint) {
                current = (current == null ? BigDecimal.ZERO : current).add(new BigDecimal("0." + decimals));
                afterPoint = false;
                decimals.setLength(0);
            }
            if (Character.isDigit(token.charAt(0))) {
                current = (current == null ? BigDecimal.ZERO : current).add(new BigDecimal(token.replace(",", "")));
                sawNumber = true;
            } else if (UNITS.containsKey(token)) {
                current = (current == null ? BigDecimal.ZERO : current).add(BigDecimal.valueOf(UNITS.get(token)));
                sawNumber = true;
            } else if (token.equals("a")) {
                current = (current == null ? BigDecimal.ZERO : current).add(BigDecimal.ONE);
                sawNumber = true;
            } else if (token.equals("half")) {
                current = (current == null ? BigDecimal.ZERO : current).add(new BigDecimal("0.5")); // "two and a half"
                sawNumber = true;
            } else if (SCALES.containsKey(token)) {
                long scale = SCALES.get(token);
                BigDecimal base = current == null ? BigDecimal.ONE : current;
                if (scale == 100) {
                    current = base.multiply(BigDecimal.valueOf(100));
                } else {
                    total = total.add(base.multiply(BigDecimal.valueOf(scale)));
                    current = null;
                }
            }
        }
        if (afterPoint && decimals.length() > 0) {
            current = (current == null ? BigDecimal.ZERO : current).add(new BigDecimal("0." + decimals));
        }
        if (!sawNumber) {
            return null;
        }
        return current == null ? total : total.add(current);
    }
}
