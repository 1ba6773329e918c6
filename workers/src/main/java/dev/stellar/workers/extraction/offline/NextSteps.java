package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.SpokenDates.DateMention;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The steps agreed at the end of the call, each as the clause that states it: commitments ("I'll email you the
 * intake packet"), the adviser's requests ("please bring the deed", "I'll need the LLC documents" answered "I'll scan
 * them"), and the next meeting, told as what it is and when ("design meeting, Eleven o'clock, Tuesday February
 * 10th"). Things done during the call (the payment link) and replies that only accept a request ("I'll find them")
 * are not steps; a lost deal has none.
 */
final class NextSteps {

    private static final String ACTION = "send|email|e-mail|schedule|book|set up|call|fill out|fill in|sign|bring|review"
            + "|get|forward|draft|prepare|meet|follow up|loop in|share|look over|talk to|talk with|discuss|check|confirm"
            + "|put together|mail|upload|gather|pull together|introduce|invite|text|ping|circle back|reach out|run|order"
            + "|write up|finalize|finalise|start|kick off|look into|dig up|dig out|find|compile|collect|update|walk|go over"
            + "|pull|grab|scan|give|tell|ask|log into|look up";
    private static final Pattern COMMITMENT = Pattern.compile(
            "\\b(?:i'll|i will|we'll|we will|you'll|you will|i'm going to|we're going to|i'm gonna|we're gonna|let's|let me"
                    + "|i can|we can|can you|could you|please|you're going to|he'll|she'll|they'll|i need to|we need to"
                    + "|you need to|just need to|next step is to|next step is|plan is to|make sure to|i should|we should)"
                    + "\\s+(?:(?:also|just|go ahead and|then|quickly|both|definitely|probably|get to|try to|actually|first)\\s+)*"
                    + "(?<action>(?:" + ACTION + ")\\b.*)$");
    /** A request put as an order: "And please bring...", "Then once it's signed, give...", "You call the bank...". */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "^(?:(?:and|then|so|also|please|just|first|second|third|next|finally|meanwhile|if you can|and if you can)[,\\s]+)*"
                    + "(?:(?:once|when|after)\\s[^,]+,\\s*)?(?:you\\s+|please\\s+)?(?:also\\s+|just\\s+)?"
                    + "(?<action>(?:send|email|bring|fill (?:\\w+ )?out|fill in|forward|give|tell|ask|call|dig out|dig up|find"
                    + "|gather|scan|upload|mail|look up|log into|have(?! a (?:look|great|good|nice|wonderful))|sign|return|drop off)\\b.*)$");
    /** "I'll need Kunle's full name, address and email": what the adviser needs, which the client will provide. */
    private static final Pattern NEED_REQUEST = Pattern.compile(
            "\\b(?:i|we)(?:'ll| will)?\\s+(?:also\\s+)?need\\s+(?<what>(?!to\\b|you\\b|it\\b|that\\b|them\\b)(?!.*\\bto be\\b).+)$");
    /** "One thing you can do in the meantime, which costs nothing, is log into your 401(k)..." */
    private static final Pattern HOMEWORK = Pattern.compile("\\bthing you can do\\b[^.?!]*?\\bis\\s+(?<action>.+)$");
    /** A leading condition that belongs to the step: "once that first payment goes through, I'll send...". */
    private static final Pattern LEADING_CONDITION = Pattern.compile("^(?:and\\s+|then\\s+)*(?<condition>once\\s[^,]+),");
    private static final Pattern CORRECTION = Lexicon.of("sorry|i mean|actually|no wait|rather");
    private static final Pattern STEPS_MARKER = Lexicon.of("next steps?|what happens next|what happens now|here's what happens"
            + "|from here");
    private static final Pattern NOT_A_STEP = Lexicon.of("think about it|sleep on it|get back to you|hang on|one sec|one second"
            + "|let me see|let me check my|let me pull up|let me share|let me show|let me ask|let me explain|let me just"
            + "|let me know|can you hear|can you see|could you repeat|talk about|call you back in|happy to|i can see|i can hear"
            + "|get started|i can tell|we can talk|get into|start with|take you off|mailing list|think about|let me check"
            + "|let me look|let me get|let me find");
    /** Done while still on the call, so not a next step. */
    private static final Pattern DURING_THE_CALL = Lexicon.of("payment link|secure link|pay|payment|card|receipt|right now"
            + "|over the phone");
    private static final Pattern SCHEDULING = Pattern.compile(
            "^(?:send|put|get|book)\\b(?:\\s+\\S+){0,3}?\\s+(?:an?\\s+|the\\s+)?(?:calendar\\s+)?(?:invite|calendar|confirmation)\\b"
                    + "|^put you down");
    private static final Pattern PRONOUN_OBJECT = Pattern.compile(
            "^\\S+(?:\\s+(?:out|up|over|back|in))?\\s+(?:it|them|those|that|this|these|him|her|you|me|us)(?:\\s+(?:both|all|out"
                    + "|up|over|back))?(?:\\s+(?:tonight|today|tomorrow|now|then|later|soon|this week|next week|right now|after this"
                    + "|first thing))*(?:\\s*[,.].*|\\s+and\\b.*)?$");
    private static final Pattern TAIL = Pattern.compile(
            ",?\\s+(?:so\\s+(?:you|that|we|it|they|if)|because|which|just so|if you (?:can|have|want|like)|it's about|it takes)\\b.*$"
                    + "|,\\s+so\\b.*$"
                    + "|\\s*—.*$|[.!?,;\\s]+$");
    private static final Pattern MEETING_KIND = Pattern.compile(
            "(?i)(?<kind>(?:[\\p{L}-]+\\s+){0,2}(?:appointment|meeting|session|notary)(?:\\s+in person)?"
                    + "(?:\\s+(?:at|to|in)\\s+(?:our|the|your|my)\\s+(?:office|house|home))?)|(?<again>talk again|meet again|reconnect"
                    + "|catch up|speak again)");
    private static final Pattern KIND_LEADING_WORDS = Pattern.compile("(?i)^(?:(?:a|an|the|our|your|do|have|get|set|book|send"
            + "|schedule|could|we|a)\\s+)+");
    private static final Pattern SAYS_WHAT_MEETING = Pattern.compile(
            "(?i)\\b(?:call|meet|meeting|appointment|session|talk|notary|signing|zoom|video)\\b");
    private static final Pattern CLOCK_TIME = Pattern.compile(
            "(?i)\\b(?:\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)|o'clock|noon|same time|(?:at|by)\\s+(?:\\d{1,2}|one|two|three"
                    + "|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b|(?:one|two|three|four|five|six|seven|eight|nine|ten"
                    + "|eleven|twelve)\\s+(?:thirty|fifteen|forty-five|a\\.m|p\\.m))");
    private static final Pattern CONFIRMATION_FILLER = Pattern.compile(
            "(?i)^(?:(?:perfect|great|okay|ok|so|sure|yes|yep|right|wonderful|lovely|good|then)[,.!]?\\s+)*"
                    + "(?:i'll put you down for\\s+|how about\\s+|how's\\s+|let's say\\s+)?");
    private static final Pattern CONFIRMATION_TAIL = Pattern.compile("(?i)(?:\\s+(?:works|is good|is fine|then))?[.!?,;\\s]*$");
    private static final Set<String> GENERIC_WORDS = Set.of("a", "an", "the", "our", "your", "my", "at", "to", "in", "of",
            "and", "for", "on", "with", "you", "it", "person", "office", "house", "home", "i", "we", "that", "this", "them",
            "tonight", "today", "tomorrow", "both", "all", "so", "can", "me", "those", "s", "ll", "will", "just", "now");

    private NextSteps() {
    }

    static Optional<Finding> nextSteps(CallText call, FieldDefinition field) {
        if (Outcomes.outcome(call, field).map(f -> "Lost".equals(f.value())).orElse(false)) {
            return Optional.empty(); // a declined deal leaves nothing agreed to do
        }
        Optional<Meeting> meeting = nextMeeting(call, field);
        List<String> steps = new ArrayList<>();
        Sentence first = null;
        int from = zoneStart(call);
        for (Sentence s : call.sentences().subList(from, call.sentences().size())) {
            boolean fixesMeeting = meeting.isPresent() && s == meeting.get().when();
            Optional<String> step = fixesMeeting ? Optional.of(meeting.get().describe()) : stepIn(call, s, meeting);
            if (step.isEmpty() || !fixesMeeting && steps.stream().anyMatch(known -> sameStep(known, step.get()))) {
                continue;
            }
            steps.add(step.get());
            first = first == null ? s : first;
            if (steps.size() == 6) {
                break;
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(steps), 0.65, first));
    }

    /** From where the adviser says "next steps", else the last part of the call. */
    private static int zoneStart(CallText call) {
        for (Sentence s : call.sentences()) {
            if (call.position(s) >= 0.4 && Lexicon.has(STEPS_MARKER, s.lower())) {
                return s.index();
            }
        }
        return call.sentences().stream().filter(s -> call.position(s) >= 0.55).findFirst().map(Sentence::index)
                .orElse(call.sentences().size());
    }

    private static Optional<String> stepIn(CallText call, Sentence s, Optional<Meeting> meeting) {
        if (s.isQuestion() && !s.lower().startsWith("can you") && !s.lower().startsWith("could you")
                || Lexicon.has(NOT_A_STEP, s.lower())) {
            return Optional.empty();
        }
        String lower = s.text().toLowerCase(Locale.ROOT);
        Optional<String> clause = clauseOf(s, lower);
        if (clause.isEmpty() && !s.customer()) {
            clause = requestAnswered(call, s, lower);
        }
        return clause.map(NextSteps::trimmed)
                .filter(c -> c.split("\\s+").length >= 2)
                .filter(c -> !PRONOUN_OBJECT.matcher(c.toLowerCase(Locale.ROOT)).matches())
                .filter(c -> !Lexicon.has(DURING_THE_CALL, c.toLowerCase(Locale.ROOT)))
                .filter(c -> !SCHEDULING.matcher(c.toLowerCase(Locale.ROOT)).find())
                .filter(c -> meeting.isEmpty() || !meeting.get().isAbout(c))
                .map(c -> withCondition(lower, c));
    }

    private static Optional<String> clauseOf(Sentence s, String lower) {
        Matcher homework = HOMEWORK.matcher(lower);
        if (homework.find()) {
            return Optional.of(s.text().substring(homework.start("action")));
        }
        Matcher commitment = COMMITMENT.matcher(lower);
        if (commitment.find()) {
            return Optional.of(s.text().substring(lastCorrection(lower, commitment)));
        }
        Matcher imperative = IMPERATIVE.matcher(lower);
        if (!s.customer() && imperative.find()) {
            return Optional.of(s.text().substring(imperative.start("action")));
        }
        return Optional.empty();
    }

    /** "I'll text you— sorry, I'll email you": the commitment after the correction is the one meant. */
    private static int lastCorrection(String lower, Matcher commitment) {
        int start = commitment.start("action");
        while (commitment.find(start + 1)) {
            if (!Lexicon.has(CORRECTION, lower.substring(start, commitment.start()))) {
                break;
            }
            start = commitment.start("action");
        }
        return start;
    }

    /** "I'll need the LLC documents" answered "I'll scan them": the client's verb, the adviser's object. */
    private static Optional<String> requestAnswered(CallText call, Sentence s, String lower) {
        Matcher need = NEED_REQUEST.matcher(lower);
        if (!need.find()) {
            return Optional.empty();
        }
        String what = trimmed(s.text().substring(need.start("what")));
        String verb = "send";
        for (Sentence reply : call.nextTurn(s)) {
            Matcher accepted = COMMITMENT.matcher(reply.text().toLowerCase(Locale.ROOT));
            if (accepted.find()) {
                String said = reply.text().toLowerCase(Locale.ROOT);
                verb = said.substring(lastCorrection(said, accepted)).split("[\\s,.]+")[0];
            }
        }
        return Optional.of(verb + " " + what);
    }

    private static String trimmed(String clause) {
        String cut = clause;
        for (String previous = null; !cut.equals(previous); ) {
            previous = cut;
            cut = TAIL.matcher(cut).replaceFirst("");
        }
        return cut.strip();
    }

    private static String withCondition(String lower, String clause) {
        Matcher condition = LEADING_CONDITION.matcher(lower);
        return condition.find() ? clause + " " + condition.group("condition") : clause;
    }

    /** Two clauses for one step: they share two content words, or one when either is that short. */
    private static boolean sameStep(String a, String b) {
        Set<String> wordsA = contentWords(a);
        Set<String> wordsB = contentWords(b);
        long shared = wordsA.stream().filter(wordsB::contains).count();
        return shared >= 2 || shared >= 1 && Math.min(wordsA.size(), wordsB.size()) <= 2;
    }

    private static Set<String> contentWords(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> w.length() > 2 && !GENERIC_WORDS.contains(w))
                .map(w -> w.equals("email") || w.equals("mail") ? "send" : w)
                .collect(Collectors.toSet());
    }

    /**
     * The next meeting: the sentence that fixes its day and time (the latest one naming the follow-up day, with a
     * time if any does) and what kind of meeting it is, from the talk that led to it.
     */
    private record Meeting(Sentence when, String kind) {

        String describe() {
            String said = CONFIRMATION_TAIL.matcher(CONFIRMATION_FILLER.matcher(when.text().strip()).replaceFirst("")).replaceFirst("");
            return kind == null || SAYS_WHAT_MEETING.matcher(said).find() ? said : kind + ", " + said;
        }

        /** A clause that only arranges the meeting itself ("I'll book the notary"). */
        boolean isAbout(String clause) {
            if (kind == null) {
                return false;
            }
            Set<String> kindWords = contentWords(kind);
            String[] opening = clause.toLowerCase(Locale.ROOT).split("\\s+");
            return Arrays.stream(opening, 0, Math.min(4, opening.length)).map(w -> w.replaceAll("[^\\p{L}]", ""))
                    .anyMatch(kindWords::contains);
        }
    }

    private static Optional<Meeting> nextMeeting(CallText call, FieldDefinition field) {
        Optional<LocalDate> day = Meetings.nextMeeting(call, field).map(f -> LocalDate.parse((String) f.value()));
        if (day.isEmpty()) {
            return Optional.empty();
        }
        List<Sentence> naming = call.sentences().stream()
                .filter(s -> call.position(s) >= 0.4)
                .filter(s -> SpokenDates.find(s.normalized(), call.referenceDate()).stream().map(DateMention::date)
                        .anyMatch(day.get()::equals))
                .toList();
        if (naming.isEmpty()) {
            return Optional.empty();
        }
        Sentence when = naming.stream().filter(s -> CLOCK_TIME.matcher(s.text()).find()).reduce((a, b) -> b)
                .orElse(naming.get(naming.size() - 1));
        Sentence firstNamed = naming.stream().filter(s -> s.index() >= when.index() - 12).findFirst().orElse(when);
        return Optional.of(new Meeting(when, kindBefore(call, firstNamed)));
    }

    private static String kindBefore(CallText call, Sentence firstNamed) {
        for (int i = firstNamed.index(); i >= Math.max(0, firstNamed.index() - 8); i--) {
            Matcher m = MEETING_KIND.matcher(call.sentences().get(i).text());
            if (m.find()) {
                String kind = m.group("kind") != null ? m.group("kind") : m.group("again");
                return KIND_LEADING_WORDS.matcher(kind).replaceFirst("");
            }
        }
        return null;
    }
}
