package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.Optional;
import java.util.regex.Pattern;

/** Where a B2B deal stands at the end of the call: the furthest stage the call reached, or closed won/lost. */
final class DealStages {

    private static final Pattern SIGNED = Lexicon.of("signed|signature|docusign|contract is signed|order form is signed"
            + "|countersigned|sign the order form today|we're signing");
    private static final Pattern PROPOSAL = Lexicon.of("proposal|quote|pricing proposal|send (?:you |over )?(?:the |a )?pricing"
            + "|order form|contract|statement of work|sow|redlines?|msa");
    private static final Pattern NEGOTIATION = Lexicon.of("discount|negotiat\\w*|redlines?|legal review|procurement|terms"
            + "|better price|come down|sharpen (?:the|your) pencil|counter|multi-year|payment terms|net 60|net 90");
    private static final Pattern DEMO = Lexicon.of("demo|walkthrough|walk through|show you|screen share|share my screen"
            + "|let me show|technical deep dive|deep dive|pilot|trial|proof of concept|poc");

    private DealStages() {
    }

    static Optional<Finding> dealStage(CallText call, FieldDefinition field) {
        Finding lost = null;
        Finding won = null;
        String stage = "discovery";
        Sentence evidence = null;
        int rank = 0;
        for (Sentence s : call.sentences()) {
            String lower = s.lower();
            if (s.customer() && Lexicon.has(Outcomes.LOST, lower)) {
                lost = new Finding("closed_lost", 0.75, s);
            }
            if (Lexicon.has(SIGNED, lower) && !s.isQuestion() && !lower.contains("once") && !lower.contains("when")
                    && !lower.contains("will") && !lower.contains("'ll") && call.position(s) > 0.5) {
                won = new Finding("closed_won", 0.7, s);
            }
            int r = Lexicon.has(NEGOTIATION, lower) ? 3 : Lexicon.has(PROPOSAL, lower) ? 2 : Lexicon.has(DEMO, lower) ? 1 : 0;
            if (r > rank) {
                rank = r;
                stage = switch (r) {
                    case 3 -> "negotiation";
                    case 2 -> "proposal";
                    default -> "demo";
                };
                evidence = s;
            }
        }
        if (lost != null) {
            return Optional.of(lost);
        }
        if (won != null) {
            return Optional.of(won);
        }
        if (evidence == null) {
            evidence = call.sentences().isEmpty() ? null : call.sentences().get(0);
        }
        return evidence == null ? Optional.empty() : Optional.of(new Finding(stage, 0.55, evidence));
    }
}
