package dev.stellar.workers.extraction.offline;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the days a sentence names and resolves them against the meeting date: "March 3rd", "3/14", "2026-03-14",
 * "Thursday the 26th", "the fourteenth", "next Tuesday", "tomorrow", "two weeks from today", "a week from Friday".
 * Reads the words as said: ordinals and small counts are understood here, so a general number rewrite is not needed.
 */
final class SpokenDates {

    record DateMention(LocalDate date, int start, int end) {
    }

    private static final String MONTH = "(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final String WEEKDAY = "(?<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)";
    private static final String ORDINAL_WORDS = "first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
            + "|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth";
    private static final String ORDINAL_DAY = "\\d{1,2}(?:st|nd|rd|th)|(?:20[- ]?|twenty[- ]?)?(?:" + ORDINAL_WORDS + ")|thirty[- ]?first";
    private static final String DAY = "(?<day>\\d{1,2}|" + ORDINAL_DAY + ")";
    /** A bare "the 5th" is a day only when no noun follows: "the first tab", "the second one" are not days. */
    private static final String NO_NOUN_AFTER = "(?!\\s+(?!(?:at|in|on|of|is|works?|would|will|could|should|then|and|or|for|from|to"
            + "|with|if|that|it|so|sounds|does|do|around|after|before|by|a\\.m|p\\.m|am|pm|o'clock|morning|afternoon|evening"
            + "|instead|too|again|either|because|what|which|i|we|you|he|she|they)\\b)\\p{Ll})";

    private static final Pattern ISO = Pattern.compile("\\b(?<iso>\\d{4}-\\d{2}-\\d{2})\\b");
    private static final Pattern SLASHED = Pattern.compile("\\b(?<m>\\d{1,2})/(?<d>\\d{1,2})(?:/(?<y>\\d{2,4}))?\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\.?\\s+(?:the\\s+)?" + DAY + "\\b(?:,?\\s+(?<year>\\d{4}))?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_OF_MONTH = Pattern.compile(
            "\\b(?:" + WEEKDAY + ",?\\s+)?the\\s+(?<day>" + ORDINAL_DAY + ")\\b(?:\\s+of\\s+" + MONTH + "|" + NO_NOUN_AFTER + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RELATIVE_WEEKS = Pattern.compile(
            "\\b(?<count>\\d+|a|one|two|three|four)\\s+weeks?\\s+(?:from\\s+(?:today|now|" + WEEKDAY + ")|out)\\b"
                    + "|\\bin\\s+(?<count2>\\d+|a|one|two|three|four)\\s+weeks?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKDAY_ALONE = Pattern.compile(
            "\\b(?:(?<qualifier>next|this|on|coming|this coming)\\s+)?(?<!\\ba\\s)" + WEEKDAY + "\\b(?!\\s*,?\\s*(?:the\\s+)?\\d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TOMORROW = Pattern.compile("\\btomorrow\\b", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> ORDINALS = Map.ofEntries(Map.entry("first", 1), Map.entry("second", 2),
            Map.entry("third", 3), Map.entry("fourth", 4), Map.entry("fifth", 5), Map.entry("sixth", 6),
            Map.entry("seventh", 7), Map.entry("eighth", 8), Map.entry("ninth", 9), Map.entry("tenth", 10),
            Map.entry("eleventh", 11), Map.entry("twelfth", 12), Map.entry("thirteenth", 13), Map.entry("fourteenth", 14),
            Map.entry("fifteenth", 15), Map.entry("sixteenth", 16), Map.entry("seventeenth", 17),
            Map.entry("eighteenth", 18), Map.entry("nineteenth", 19), Map.entry("twentieth", 20), Map.entry("thirtieth", 30));

    private SpokenDates() {
    }

    /** Every day the text names, in text order; overlapping readings keep the most specific. */
    static List<DateMention> find(String text, LocalDate reference) {
        List<DateMention> found = new ArrayList<>();
        for (Matcher m = ISO.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> LocalDate.parse(m.group("iso")));
        }
        for (Matcher m = MONTH_DAY.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> {
                return upcoming(reference, month(m.group("month")), day(m.group("day")),
                        m.group("year") == null ? null : Integer.valueOf(m.group("year")));
            });
        }
        for (Matcher m = SLASHED.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> upcoming(reference, Month.of(Integer.parseInt(m.group("m"))),
                    Integer.parseInt(m.group("d")), m.group("y") == null ? null : fullYear(m.group("y"))));
        }
        for (Matcher m = DAY_OF_MONTH.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> {
                int day = day(m.group("day"));
                if (m.group("month") != null) {
                    return upcoming(reference, month(m.group("month")), day, null);
                }
                LocalDate date = reference.withDayOfMonth(Math.min(day, reference.lengthOfMonth()));
                if (!date.isAfter(reference)) {
                    date = reference.plusMonths(1).withDayOfMonth(Math.min(day, reference.plusMonths(1).lengthOfMonth()));
                }
                return date.getDayOfMonth() == day ? date : null;
            });
        }
        for (Matcher m = RELATIVE_WEEKS.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> {
                String count = m.group("count") != null ? m.group("count") : m.group("count2");
                int weeks = switch (count.toLowerCase(Locale.ROOT)) {
                    case "a", "one" -> 1;
                    case "two" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    default -> Integer.parseInt(count);
                };
                LocalDate from = m.group("weekday") != null ? nextWeekday(reference, weekday(m.group("weekday")), false) : reference;
                return from.plusWeeks(weeks);
            });
        }
        for (Matcher m = WEEKDAY_ALONE.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> {
                String qualifier = m.group("qualifier") == null ? "" : m.group("qualifier").toLowerCase(Locale.ROOT);
                return nextWeekday(reference, weekday(m.group("weekday")), qualifier.equals("next"));
            });
        }
        for (Matcher m = TOMORROW.matcher(text); m.find(); ) {
            tryAdd(found, m, () -> reference.plusDays(1));
        }
        found.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return found;
    }

    private interface DateReading {
        LocalDate read();
    }

    private static void tryAdd(List<DateMention> found, Matcher m, DateReading reading) {
        for (DateMention existing : found) {
            if (m.start() < existing.end() && existing.start() < m.end()) {
                return; // an earlier, more specific pattern already read these words
            }
        }
        try {
            LocalDate date = reading.read();
            if (date != null) {
                found.add(new DateMention(date, m.start(), m.end()));
            }
        } catch (RuntimeException notADate) {
            // "February 31st", "13/45": words that look like a date but are none
        }
    }

    /** The weekday after the reference; "next Tuesday" said early in a week means the Tuesday of the following week. */
    private static LocalDate nextWeekday(LocalDate reference, DayOfWeek day, boolean next) {
        LocalDate date = reference.with(TemporalAdjusters.next(day));
        if (next && date.isBefore(reference.with(TemporalAdjusters.next(DayOfWeek.MONDAY)))) {
            date = date.plusWeeks(1);
        }
        return date;
    }

    private static LocalDate upcoming(LocalDate reference, Month month, int day, Integer year) {
        if (year != null) {
            return LocalDate.of(year, month, day);
        }
        LocalDate date = LocalDate.of(reference.getYear(), month, day);
        return date.isBefore(reference.minusMonths(2)) ? date.plusYears(1) : date;
    }

    private static Integer fullYear(String year) {
        int y = Integer.parseInt(year);
        return y < 100 ? 2000 + y : y;
    }

    private static Month month(String name) {
        String prefix = name.toLowerCase(Locale.ROOT).substring(0, 3);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static DayOfWeek weekday(String name) {
        return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
    }

    private static int day(String day) {
        String lower = day.toLowerCase(Locale.ROOT).replaceAll("(st|nd|rd|th)$", "");
        if (lower.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(lower);
        }
        String word = day.toLowerCase(Locale.ROOT).replace('-', ' ');
        if (word.startsWith("thirty")) {
            return 31;
        }
        int base = word.matches("^(twenty|20) .*") ? 20 : 0;
        String ordinal = word.replaceFirst("^(twenty|20) ", "");
        return base + ORDINALS.get(ordinal);
    }
}
