package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.signal.Objection;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.MoneyMentions.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The objections the customer raised, in the order raised; denials ("price isn't the issue") do not count.
 * Besides the objection phrases, two reactions to the quoted price are price objections: repeating it with "that's a
 * lot", and naming a lower price from somewhere else ("my buddy paid eighteen hundred").
 */
final class Objections {

    private static final Pattern DENIAL = Lexicon.of("isn't (?:an? |the )?(?:issue|problem|concern)|not (?:an? |the )?(?:issue"
            + "|problem|concern)|no (?:issue|problem|concern)|doesn't matter|not worried about|not a big deal");
    private static final Pattern TOO_MUCH = Lexicon.of("a lot|too much|so much|steep|high|hefty|a stretch");
    /** Lower amounts that are parts of the price, not a cheaper offer: instalments, deposits. */
    private static final Pattern PART_PAYMENT = Lexicon.of("a month|per month|monthly|deposit|retainer|down|today|each");
    /** "I don't want to think about it again": an objection phrase said negated raises nothing. */
    private static final Pattern NEGATED = Pattern.compile("\\b(?:don't|do not|doesn't|won't|not|no need to|never)(?:\\s+[\\p{L}']+){0,2}\\s*$");
    /** The spouse has to be in on it: "I'd want Owen to hear all this before I agree to anything." */
    private static final Pattern SPOUSE_INVOLVED = Lexicon.of("(?:want|need|have|like) (?:\\p{L}+ )?to (?:hear|see|look at|weigh in|be (?:here"
            + "|on|part)|sign off|agree)|before (?:i|we) (?:agree|decide|commit|sign)");
    private static final Pattern MY_SPOUSE = Lexicon.of("my (?:wife|husband|partner|spouse)");
    private static final Pattern WITHOUT_SOMEONE = Pattern.compile(
            "\\b(?:can't|cannot|won't|not going to|don't want to) (?:decide|sign|do|commit to|agree to)(?: this| that| it"
                    + "| anything)? without (?<who>\\p{L}+)");

    private Objections() {
    }

    static Optional<Finding> objections(CallText call, FieldDefinition field) {
        boolean anyCustomer = !call.roles().customers().isEmpty();
        Optional<BigDecimal> price = Amounts.dealAmount(call, field).map(Objections::amountOf);
        Optional<String> spouse = People.spouseName(call, field).map(f -> firstWord((String) f.value()));
        Optional<String> product = call.field("product").flatMap(f -> Products.product(call, f)).map(f -> (String) f.value());
        List<String> raised = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            if (anyCustomer && !s.customer() || Lexicon.has(DENIAL, s.lower()) || aboutAnotherProduct(call, s, product)) {
                continue;
            }
            for (Objection objection : Objection.values()) {
                if (field.values().contains(objection.key()) && !raised.contains(objection.key())
                        && raises(call, s, objection, price, spouse)) {
                    raised.add(objection.key());
                    if (first == null) {
                        first = s;
                    }
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(raised), 0.75, first));
    }

    private static boolean raises(CallText call, Sentence s, Objection objection, Optional<BigDecimal> price,
                                  Optional<String> spouse) {
        Optional<String> phrase = objection.phrases().find(s.text()); // as said: "already have one" is "1" in the normalized text
        if (phrase.isPresent()) {
            String before = s.text().substring(0, s.text().indexOf(phrase.get())).toLowerCase(Locale.ROOT);
            return !NEGATED.matcher(before).find();
        }
        return switch (objection) {
            case PRICE -> price.isPresent() && (balksAt(call, s, price.get()) || citesLowerPrice(call, s, price.get()));
            case NEED_SPOUSE_APPROVAL -> spouse.isPresent() && (notWithout(s, spouse.get()) || wantsSpouseIn(s, spouse.get()));
            default -> false;
        };
    }

    /** "The POA, maybe later": a sentence that names only a product other than the one sold is about that one. */
    private static boolean aboutAnotherProduct(CallText call, Sentence s, Optional<String> sold) {
        Optional<String> named = Products.namedIn(call, s);
        return sold.isPresent() && named.isPresent() && !named.equals(sold);
    }

    private static boolean wantsSpouseIn(Sentence s, String spouseFirstName) {
        return Lexicon.has(SPOUSE_INVOLVED, s.lower()) && (Lexicon.has(MY_SPOUSE, s.lower())
                || Pattern.compile("\\b" + Pattern.quote(spouseFirstName) + "\\b").matcher(s.text()).find());
    }

    /** "Twenty-four hundred with daycare and everything, that's a lot right now." */
    private static boolean balksAt(CallText call, Sentence s, BigDecimal price) {
        return Lexicon.has(TOO_MUCH, s.lower())
                && MoneyMentions.in(call, s).stream().anyMatch(m -> m.amount().compareTo(price) == 0);
    }

    /** A lower price the customer brings in after hearing ours, not one the adviser said first (a deposit, say). */
    private static boolean citesLowerPrice(CallText call, Sentence s, BigDecimal price) {
        if (Lexicon.has(PART_PAYMENT, s.lower())) {
            return false;
        }
        for (Money money : MoneyMentions.in(call, s)) {
            if (money.amount().compareTo(price) < 0 && money.amount().compareTo(BigDecimal.valueOf(50)) >= 0
                    && adviserPricedAbove(call, s, money.amount()) && !adviserSaidBefore(call, s, money.amount())) {
                return true;
            }
        }
        return false;
    }

    private static boolean adviserPricedAbove(CallText call, Sentence s, BigDecimal amount) {
        return MoneyMentions.in(call).stream().anyMatch(m -> !m.sentence().customer() && m.sentence().index() < s.index()
                && Amounts.couldBePrice(m) && m.amount().compareTo(amount) > 0);
    }

    private static boolean adviserSaidBefore(CallText call, Sentence s, BigDecimal amount) {
        return MoneyMentions.in(call).stream().anyMatch(m -> !m.sentence().customer() && m.sentence().index() < s.index()
                && m.amount().compareTo(amount) == 0);
    }

    /** "I can't decide this without Arjun", Arjun being the partner. */
    private static boolean notWithout(Sentence s, String spouseFirstName) {
        Matcher m = WITHOUT_SOMEONE.matcher(s.lower());
        return m.find() && m.group("who").equals(spouseFirstName.toLowerCase(Locale.ROOT));
    }

    private static BigDecimal amountOf(Finding deal) {
        return new BigDecimal(String.valueOf(((Map<?, ?>) deal.value()).get("amount")));
    }

    private static String firstWord(String name) {
        return name.strip().split("\\s+")[0];
    }
}
