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
    /** A commitment said as under way: "I'm sending a trust questionnaire this afternoon." */
    private static final Pattern UNDER_WAY = Pattern.compile("\\b(?:i'm|i am|we're|we are)\\s+(?<action>(?:sending|emailing|mailing"
            + "|drafting|preparing|putting together|forwarding)\\b.*)$");
    /** An offer put as a question is still the adviser's commitment: "What if I send you a breakdown...?" */
    private static final Pattern OFFER = Pattern.compile("^(?:\\S+[,\\s]+){0,2}?(?:what if|how about if|why don't) (?:i|we)\\s+"
            + "(?<action>(?:" + ACTION + ")\\b.*)$");
    /**
     * A request put as an order, perhaps to someone by name: "And please bring...", "Then once it's signed, give...",
     * "You call the bank...", "Emi, if you can also gather...", "Don't forget to ask...".
     */
    private static final Pattern IMPERATIVE = Pattern.compile(
            "^(?:\\p{L}+,\\s+)?(?:(?:and|then|so|also|please|just|first|second|third|next|finally|meanwhile|if you can"
                    + "|and if you can|don't forget to|remember to|make sure to|make sure you)[,\\s]+)*"
                    + "(?:(?:once|when|after)\\s[^,]+,\\s*)?(?:you\\s+|please\\s+)?(?:also\\s+|just\\s+)?"
                    + "(?<action>(?:send|email|bring|fill (?:\\w+ )?out|fill in|forward|give|tell|ask|call|dig out|dig up|find"
                    + "|gather|scan|upload|mail|look up|log into|have(?! a (?:look|great|good|nice|wonderful))|sign|return|drop off"
                    + "|get (?:\\S+ ){1,3}back)\\b.*)$");
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
    /** The customer asks leave to do something later ("can we get back to you after spring break?") and the adviser agrees. */
    private static final Pattern ASKED = Pattern.compile("\\b(?:can|could) (?:we|i)\\s+(?:(?:also|just)\\s+)*(?<action>(?:" + ACTION
            + ")\\b.*)$");
    private static final Pattern AGREED = Pattern.compile("^(?:sure|of course|absolutely|yes|yeah|definitely|no problem|that works"
            + "|that's fine|totally|sounds good)\\b");
    /** "I'll get back to you" promises nothing, unless it says when: "get back to you after spring break". */
    private static final Pattern NOT_A_STEP = Lexicon.of("think about it|sleep on it|get back to you(?! (?:after|by|next|before|once"
            + "|when|on|in)\\b)|hang on|one sec|one second"
            + "|let me see|let me check my|let me pull up|let me share|let me show|let me ask|let me explain|let me just"
            + "|let me know|can you hear|can you see|could you repeat|talk about|call you back in|happy to|i can see|i can hear"
            + "|get started|i can tell|we can talk|get into|start with|take you off|mailing list|think about|let me check"
            + "|let me look|let me get|let me find");
    /** Done while still on the call, so not a next step. */
    private static final Pattern DURING_THE_CALL = Lexicon.of("payment link|secure link|pay(?: now| today| online| by)?"
            + "|(?:take|make|process|run) (?:the |your |a )?payment|card|receipt|right now"
            + "|over the phone");
    private static final Pattern SCHEDULING = Pattern.compile(
            "^(?:send|put|get|book)\\b(?:\\s+\\S+){0,3}?\\s+(?:an?\\s+|the\\s+)?(?:calendar\\s+)?(?:invite|calendar|confirmation)\\b"
                    + "|^put you down");
    private static final Pattern PRONOUN_OBJECT = Pattern.compile(
            "^\\S+(?:\\s+(?:out|up|over|back|in))?\\s+(?:it|them|those|that|this|these|him|her|you|me|us)(?:\\s+(?:both|all|out"
                    + "|up|over|back))?(?:\\s+(?:tonight|today|tomorrow|now|then|later|soon|this week|next week|right now|after this"
                    + "|first thing))*(?:\\s*[,.].*|\\s+and\\b.*)?$");
    private static final Pattern TAIL = Pattern.compile(
            ",?\\s+(?:so\\s+(?:you|that|we|it|they|if)|because|which|just so|if you (?:can|have|want|like)|it's about|it takes"
                    + "|in case)\\b.*$"
                    + "|,\\s+so\\b.*$"
                    + "|,\\s+and\\s+(?:you|we|i|they|he|she)\\b.*$" // "..., and we'll get you on the calendar": another step
                    + "|\\s*—.*$|[.!?,;\\s]+$");
    private static final Pattern MEETING_KIND = Pattern.compile(
            "(?i)(?<kind>(?:[\\p{L}-]+\\s+){0,2}(?:appointment|meeting|session|notary)(?:\\s+in person)?"
                    + "(?:\\s+(?:at|to|in)\\s+(?:our|the|your|my)\\s+(?:office|house|home))?|signing)|(?<again>talk again|meet again"
                    + "|reconnect|catch up|speak again)");
    private static final Pattern KIND_LEADING_WORDS = Pattern.compile("(?i)^(?:(?:a|an|the|our|your|do|have|get|set|book|send"
            + "|schedule|could|we|a)\\s+)+");
    private static final Pattern SAYS_WHAT_MEETING = Pattern.compile(
            "(?i)\\b(?:call|meet|meeting|appointment|session|talk|notary|signing|zoom|video)\\b");
    private static final Pattern CLOCK_TIME = Pattern.compile(
            "(?i)\\b(?:\\d{1,2}(?::\\d{2})?\\s*(?:a\\.?m\\.?|p\\.?m\\.?)|o'clock|noon|same time|(?:at|by)\\s+(?:\\d{1,2}|one|two|three"
                    + "|four|five|six|seven|eight|nine|ten|eleven|twelve)\\b|(?:one|two|three|four|five|six|seven|eight|nine|ten"
                    + "|eleven|twelve)(?:[\\s-]+(?:thirty|fifteen|forty-five|a\\.m|p\\.m)|\\s+in the (?:morning|afternoon|evening)))");
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
        String lower = s.text().toLowerCase(Locale.ROOT);
        Optional<String> agreedRequest = askedAndAgreed(call, s, lower);
        if (s.isQuestion() && !s.lower().startsWith("can you") && !s.lower().startsWith("could you")
                && !OFFER.matcher(lower).find() && agreedRequest.isEmpty() || Lexicon.has(NOT_A_STEP, s.lower())) {
            return Optional.empty();
        }
        Optional<String> clause = clauseOf(s, lower).or(() -> agreedRequest);
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
        Matcher offer = OFFER.matcher(lower);
        if (!s.customer() && offer.find()) {
            return Optional.of(s.text().substring(offer.start("action")));
        }
        Matcher commitment = COMMITMENT.matcher(lower);
        if (commitment.find()) {
            return Optional.of(s.text().substring(lastCorrection(lower, commitment)));
        }
        Matcher underWay = UNDER_WAY.matcher(lower);
        if (!s.customer() && underWay.find()) {
            return Optional.of(s.text().substring(underWay.start("action")));
        }
        Matcher imperative = IMPERATIVE.matcher(lower);
        if (!s.customer() && imperative.find()) {
            return Optional.of(s.text().substring(imperative.start("action")));
        }
        return Optional.empty();
    }

    /** What the customer asked to do, if the adviser's reply agrees to it. */
    private static Optional<String> askedAndAgreed(CallText call, Sentence s, String lower) {
        Matcher asked = ASKED.matcher(lower);
        if (!s.customer() || !asked.find()) {
            return Optional.empty();
        }
        List<Sentence> reply = call.nextTurn(s);
        boolean agreed = !reply.isEmpty() && !reply.get(0).customer() && AGREED.matcher(reply.get(0).lower()).find();
        return agreed ? Optional.of(s.text().substring(asked.start("action"))) : Optional.empty();
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

    /** A step due before the meeting ("by Tuesday") is a step of its own, not the meeting. */
    private static final Pattern DUE_BEFORE = Lexicon.of("before|by|ahead of|until|prior to");

    private static final Pattern INVITE = Lexicon.of("invite|invitation|confirmation");

    /**
     * The next meeting: its day, the sentence that fixes its day and time (the adviser's first naming the follow-up
     * day with a time, not the invite sent for it; else anyone's; else the last naming the day) and what kind of
     * meeting it is, from the talk that led to it.
     */
    private record Meeting(LocalDate day, Sentence when, String kind, LocalDate reference) {

        String describe() {
            String said = CONFIRMATION_TAIL.matcher(CONFIRMATION_FILLER.matcher(when.text().strip()).replaceFirst("")).replaceFirst("");
            return kind == null || SAYS_WHAT_MEETING.matcher(said).find() ? said : kind + ", " + said;
        }

        /** A clause that only arranges the meeting itself ("I'll book the notary", "call me on Tuesday"). */
        boolean isAbout(String clause) {
            String normalized = SpokenNumbers.normalize(clause);
            if (!Lexicon.has(DUE_BEFORE, normalized.toLowerCase(Locale.ROOT))
                    && SpokenDates.find(normalized, reference).stream().map(DateMention::date).anyMatch(day::equals)) {
                return true;
            }
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
        List<Sentence> timed = naming.stream().filter(s -> CLOCK_TIME.matcher(s.text()).find()).toList();
        Sentence when = timed.stream().filter(s -> !s.customer() && !Lexicon.has(INVITE, s.lower())).findFirst()
                .or(() -> timed.stream().findFirst())
                .orElse(naming.get(naming.size() - 1));
        Sentence firstNamed = naming.stream().filter(s -> s.index() >= when.index() - 12).findFirst().orElse(when);
        return Optional.of(new Meeting(day.get(), when, kindBefore(call, firstNamed), call.referenceDate()));
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
