package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a B2B deal stands at the end of the call. A call that closes it says so (signed, paid; or the buyer chose
 * someone else, or shut the project); otherwise the stage is the furthest thing the call actually did: haggled over
 * terms (concessions, term lengths), went through a proposal, showed the product. Stages only planned ("next step is
 * a demo", "I'll send pricing") do not count, so a call that only plans them stays at discovery; a rival's quote is
 * not our proposal. A proposal sent before the call ("you got the proposal I sent?"), or talk of one after a demo held
 * on an earlier call, puts the deal at proposal.
 */
final class DealStages {

    private static final Pattern WON = Lexicon.of("it says completed|signed and (?:sent|returned)|i(?:'ve| have)? (?:just )?signed"
            + " (?:it|the (?:order form|contract|agreement))|payment (?:successful|went through|is complete)|card went through"
            + "|welcome aboard|welcome to the family|welcome to \\w+,? officially|officially (?:a customer|on board)");
    private static final Pattern SIGNED_ALONE = Pattern.compile("^(?:okay[,.]?\\s+|ok[,.]?\\s+|done[,.]?\\s+)?signed[.!]?$");
    private static final Pattern LOST = Lexicon.of("(?:we're|we are|we've|we have|we) (?:going|gone|decided to go|chosen to go)"
            + " with (?!you\\b|your\\b|yours\\b)|decided to go with (?!you\\b|your\\b|yours\\b)|we went with (?!you\\b|your\\b|yours\\b)"
            + "|(?:signed|going) with (?:them|another|a different|someone else)|not (?:going to )?(?:move|moving) forward"
            + "|won't be moving forward|close it off|don't count on us|not going ahead|no one's won|frozen all (?:new )?spend"
            + "|(?:we'll|we're going to|going to) pass|decided against|(?:it's|that's) not (?:a fit|for us)");
    private static final String AMOUNT_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty"
            + "|sixty|seventy|eighty|ninety|a hundred)\\b";
    private static final Pattern NEGOTIATION = Lexicon.of("discounts?|percent off|net (?:\\d+|thirty|forty-five|sixty|ninety)"
            + "|redlines?|redlined|liability cap|renewal (?:capped|cap)|cap on the renewal|capped at|escalator|counter ?offer"
            + "|meet (?:you )?in the middle|best and final|come down|sharpen|(?:two|three|multi)-year (?:term|deal|contract)"
            + "|that's the deal|performance clause|termination right|opt-out|price match|legal team|payment terms|waive\\w*|halve"
            + "|where i can move|wiggle room|i can (?:do|get you to|go to|come to) (?:[$€£]?\\d+|" + AMOUNT_WORD + ")|i can throw in"
            + "|if you sign");
    private static final Pattern PROPOSAL = Lexicon.of("proposal|quote|pricing|price it|list price|list is|order form|page \\w+"
            + "|per seat|a seat|subscription|annual (?:plan|contract|prepay(?:ment)?)|implementation fee|onboarding fee|the pdf");
    private static final Pattern DEMO = Lexicon.of("share my screen|let me share|can you see (?:it|my screen)|this is the \\w+(?:[- ]\\w+)?"
            + " (?:view|tab|screen|dashboard|app|page)|this is the app|here's the \\w+ view|what you're looking at|let me show"
            + "|let me pull (?:that|it) up|switch to the|if you click|you can see (?:them|it) here|start the demo|drive the demo"
            + "|i'm sharing|sharing (?:now|my screen)|you should see|let me click|click over");
    /** Someone else's quote or proposal: "we've got a quote from them", "their proposal's in the same ballpark". */
    private static final Pattern THEIR_PROPOSAL = Lexicon.of("their (?:quote|proposal|pricing|price|offer)|(?:quote|proposal|offer)"
            + " from them|they(?:'ve)? (?:quote|quoted|sent|offered)");
    /** A demo held before this call: "last time Duarte saw the demo". */
    private static final Pattern DEMO_DONE = Lexicon.of("(?:saw|did|had|liked|loved|after|since|from) the demo");
    /** A proposal sent before this call: "you got the proposal I sent over?", "I printed your proposal". */
    private static final Pattern PROPOSAL_SENT = Lexicon.of("(?:the|our|my) proposal (?:i|we) sent|(?:got|read|printed|reviewed"
            + "|went through) (?:the|your|our) proposal");
    /** Said of a stage that has not happened (yet): "I'll send pricing", "we're not negotiating today". */
    private static final Pattern NOT_DONE = Lexicon.of("i'll|we'll|will|going to|gonna|once|after|until|hold|first|don't|not"
            + "|before|should i|next time|want to see");

    private DealStages() {
    }

    static Optional<Finding> dealStage(CallText call, FieldDefinition field) {
        Sentence won = null;
        Sentence lost = null;
        List<Sentence> negotiation = new ArrayList<>();
        List<Sentence> proposal = new ArrayList<>();
        List<Sentence> demo = new ArrayList<>();
        Sentence demoBefore = null;
        Sentence proposalBefore = null;
        for (Sentence s : call.sentences()) {
            String said = s.text().toLowerCase(Locale.ROOT).strip();
            if (s.customer() && !s.isQuestion() && Lexicon.has(LOST, said)) {
                lost = s;
            }
            if (!s.isQuestion() && call.position(s) > 0.4
                    && (Lexicon.has(WON, said) || s.customer() && SIGNED_ALONE.matcher(said).matches())) {
                won = s;
            }
            boolean done = !s.isQuestion() && !Lexicon.has(NOT_DONE, said);
            if (done && Lexicon.has(NEGOTIATION, said)) {
                negotiation.add(s);
            }
            if (done && Lexicon.has(PROPOSAL, said) && !Lexicon.has(THEIR_PROPOSAL, said)) {
                proposal.add(s);
            }
            if (demoBefore == null && Lexicon.has(DEMO_DONE, said)) {
                demoBefore = s;
            }
            if (proposalBefore == null && Lexicon.has(PROPOSAL_SENT, said)) {
                proposalBefore = s;
            }
            if (!s.customer() && !Lexicon.has(NOT_DONE, said) && Lexicon.has(DEMO, said)) {
                demo.add(s);
            }
        }
        if (lost != null) {
            return Optional.of(new Finding("closed_lost", 0.75, lost));
        }
        if (won != null) {
            return Optional.of(new Finding("closed_won", 0.75, won));
        }
        if (negotiation.size() >= 3) {
            return Optional.of(new Finding("negotiation", 0.65, negotiation.get(0)));
        }
        if (proposalBefore != null) {
            return Optional.of(new Finding("proposal", 0.65, proposalBefore));
        }
        if (proposal.size() >= 2 || demoBefore != null && !proposal.isEmpty()) {
            return Optional.of(new Finding("proposal", 0.65, proposal.get(0)));
        }
        if (demo.size() >= 2) {
            return Optional.of(new Finding("demo", 0.65, demo.get(0)));
        }
        return call.sentences().stream().findFirst().map(first -> new Finding("discovery", 0.5, first));
    }
}
