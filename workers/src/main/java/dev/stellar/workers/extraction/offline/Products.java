package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The estate-planning product the deal is about: the one named where the price, the recommendation or the
 * decision is. "Will" the noun, never "will" the verb.
 */
final class Products {

    private static final Map<String, Pattern> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("estate_plan_package", Lexicon.of("(?:full|complete|comprehensive|whole|entire|total|standard|premium"
                + "|basic|essentials?|family|core|couples?|signature|everything) (?:estate )?(?:plan(?:ning)? )?package"
                + "|estate plan(?:ning)? package|estate package|the package|plan package|full estate plan|complete estate plan"
                + "|comprehensive (?:estate )?plan|the whole plan|full plan|package deal|bundle"));
        NAMES.put("irrevocable_trust", Lexicon.of("irrevocable(?: \\w+)? trust|irrevocable|ilit|medicaid trust"));
        NAMES.put("revocable_living_trust", Lexicon.of("revocable(?: living)? trust|living trust|(?<!ir)revocable|the trust"
                + "|a trust|family trust|rlt"));
        NAMES.put("healthcare_directive", Lexicon.of("health ?care directive|advance directive|medical directive|living will"
                + "|health ?care proxy|medical power of attorney|health ?care power of attorney"));
        NAMES.put("power_of_attorney", Lexicon.of("(?<!medical |health ?care )power of attorney|poa|durable power"));
        NAMES.put("will", Lexicon.of("(?<!pour[- ]over |living )will(?= (?:package|only|alone|and|for|that|is|would|covers|"
                + "does|doesn't|costs|runs)\\b)|simple will|basic will|a will|the will|wills|last will|just a will"
                + "|will-only|will package|new will"));
    }

    private static final Pattern DEAL_CONTEXT = Lexicon.of("price|cost|costs|fee|flat fee|\\$\\d+|dollars|go with|go ahead"
            + "|do the|sign up|recommend|recommendation|suggest|i'd suggest|best fit|makes sense for you|want the|let's do"
            + "|we'll do|we'll take|sounds right|sign me up|that's what|proposing|propose|option|plan would|includes|comes with"
            + "|pay|charge|run the card");
    private static final Pattern MODAL_WILL = Pattern.compile("\\b(?:a|the|simple|basic|last|new|just a) will\\b|\\bwills\\b");

    private Products() {
    }

    static Optional<Finding> product(CallText call, FieldDefinition field) {
        Finding best = null;
        int bestScore = 0;
        for (Sentence s : call.sentences()) {
            String lower = s.lower();
            for (Map.Entry<String, Pattern> product : NAMES.entrySet()) {
                if (!field.values().contains(product.getKey()) || !Lexicon.has(product.getValue(), lower)) {
                    continue;
                }
                if (product.getKey().equals("will") && !MODAL_WILL.matcher(lower).find()) {
                    continue;
                }
                int score = 1 + (Lexicon.has(DEAL_CONTEXT, lower) ? 2 : 0) + (s.customer() ? 0 : 1);
                if (score >= bestScore) {
                    best = new Finding(product.getKey(), 0.5 + 0.08 * score, s);
                    bestScore = score;
                }
                break; // the most specific product named in the sentence
            }
        }
        return Optional.ofNullable(best);
    }
}
