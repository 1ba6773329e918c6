package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.MoneyMentions.Money;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
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
                + "|comprehensive (?:estate )?plan|the whole plan|full plan|package deal|bundle"
                + "|(?:all|the|these|both) (?:\\d|two|three|four) documents")); // several documents sold together
        NAMES.put("irrevocable_trust", Lexicon.of("irrevocable(?: \\w+)? trust|irrevocable|ilit|medicaid trust"
                + "|(?:medicaid )?asset protection trust|special needs trust|supplemental needs trust"));
        NAMES.put("revocable_living_trust", Lexicon.of("revocable(?: living)? trust|living trust|(?<!ir)revocable|the trust"
                + "|a trust|family trust|rlt"));
        NAMES.put("healthcare_directive", Lexicon.of("health ?care directive|advance directive|medical directive|living will"
                + "|health ?care proxy|medical power of attorney|health ?care power of attorney"));
        NAMES.put("power_of_attorney", Lexicon.of("(?<!medical |health ?care )powers? of attorney|poas?|durable(?: \\w+)? powers?"));
        NAMES.put("will", Lexicon.of("(?<!pour[- ]over |living )will(?= (?:package|only|alone|and|for|that|is|would|covers|"
                + "does|doesn't|costs|runs)\\b)|simple will|basic will|a will|the will|wills|last will|just a will"
                + "|will-only|will package|new will|our will|your will"));
    }

    private static final Pattern DEAL_CONTEXT = Lexicon.of("price|cost|costs|fee|flat fee|\\$\\d+|dollars|go with|go ahead"
            + "|do the|sign up|recommend|recommendation|suggest|i'd suggest|best fit|makes sense for you|want the|let's do"
            + "|we'll do|we'll take|sounds right|sign me up|that's what|proposing|propose|option|plan would|includes|comes with"
            + "|pay|charge|run the card");
    /** A product's proper name: "Family Legacy Plan", "Essentials Plan", "Complete Family Package". */
    private static final Pattern OFFERING = Pattern.compile(
            "(?<name>(?:(?!(?:The|Our|Your|A|An|This|That|So|And|But|Then|It's)\\b)\\p{Lu}\\p{L}+\\s+){1,3}(?:Plan|Package|Bundle|Program))\\b");
    /** The customer picking one of the products offered: "Let's start with the POA", "Just the will for now". */
    private static final Pattern CHOICE = Lexicon.of("let's (?:start with|go with|do|get|take)|(?:we'll|i'll) (?:start with|go with"
            + "|do|take)|(?:i|we)(?:'d like| want)|just the");
    private static final Pattern MODAL_WILL = Pattern.compile("\\b(?:a|the|our|your|my|simple|basic|last|new|just a) will\\b|\\bwills\\b");

    private Products() {
    }

    /**
     * The product whose price is the deal amount, when the price is said with it ("The Legacy Plan is sixty-five
     * hundred"); else the product named most where prices and recommendations are.
     */
    static Optional<Finding> product(CallText call, FieldDefinition field) {
        Map<String, String> offerings = namedOfferings(call);
        Optional<Finding> priced = Amounts.dealAmount(call, field)
                .flatMap(deal -> pricedProduct(call, field, deal.value(), offerings));
        return priced.isPresent() ? priced : mostNamed(call, field);
    }

    /** The product the customer last picked by name, if they did. */
    static Optional<String> chosen(CallText call) {
        String chosen = null;
        for (Sentence s : call.sentences()) {
            if (s.customer() && Lexicon.has(CHOICE, s.lower())) {
                chosen = namedIn(call, s).orElse(chosen);
            }
        }
        return Optional.ofNullable(chosen);
    }

    /** The most specific product on the schema's list a sentence names. */
    static Optional<String> namedIn(CallText call, Sentence s) {
        return call.field("product").flatMap(field -> productIn(s, field, namedOfferings(call)));
    }

    /**
     * The product named with the deal's price, in its sentence or just before it in the same turn; a price said
     * alone ("I can do it for twenty-nine hundred") belongs to the last product priced before it (what a coworker
     * paid for hers prices nothing).
     */
    private static Optional<Finding> pricedProduct(CallText call, FieldDefinition field, Object price, Map<String, String> offerings) {
        Finding lastPriced = null;
        for (Money money : MoneyMentions.in(call).stream().filter(Amounts::couldBePrice).toList()) {
            List<Sentence> turn = call.turnOf(money.sentence());
            int at = turn.indexOf(money.sentence());
            for (int i = at; i >= Math.max(0, at - 2); i--) { // "Just the will, for now. That's twelve hundred."
                Optional<String> named = productIn(turn.get(i), field, offerings);
                if (named.isPresent()) {
                    lastPriced = new Finding(named.get(), 0.8, turn.get(i));
                    break;
                }
            }
            if (money.value().equals(price) && lastPriced != null) {
                return Optional.of(lastPriced);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> productIn(Sentence s, FieldDefinition field, Map<String, String> offerings) {
        for (Map.Entry<String, String> offering : offerings.entrySet()) {
            if (s.text().contains(offering.getKey()) && field.values().contains(offering.getValue())) {
                return Optional.of(offering.getValue());
            }
        }
        for (Map.Entry<String, Pattern> product : NAMES.entrySet()) {
            if (field.values().contains(product.getKey()) && Lexicon.has(product.getValue(), s.lower())
                    && (!product.getKey().equals("will") || MODAL_WILL.matcher(s.lower()).find())) {
                return Optional.of(product.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * A firm's own names for what it sells ("our Family Protection Plan") and what each one is, from the sentence
     * that introduces it or the one after ("It's a complete estate plan package"); a named plan is a package
     * unless said otherwise.
     */
    private static Map<String, String> namedOfferings(CallText call) {
        return call.derived("offerings", () -> findNamedOfferings(call));
    }

    private static Map<String, String> findNamedOfferings(CallText call) {
        Map<String, String> offerings = new LinkedHashMap<>();
        List<Sentence> sentences = call.sentences();
        for (Sentence s : sentences) {
            Matcher m = OFFERING.matcher(s.text());
            while (m.find()) {
                String name = m.group("name");
                if (offerings.containsKey(name)) {
                    continue;
                }
                String rest = s.text().substring(m.end()).toLowerCase(Locale.ROOT)
                        + (s.index() + 1 < sentences.size() ? " " + sentences.get(s.index() + 1).lower() : "");
                offerings.put(name, NAMES.entrySet().stream().filter(product -> Lexicon.has(product.getValue(), rest))
                        .map(Map.Entry::getKey).findFirst().orElse("estate_plan_package"));
            }
        }
        return offerings;
    }

    private static Optional<Finding> mostNamed(CallText call, FieldDefinition field) {
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
