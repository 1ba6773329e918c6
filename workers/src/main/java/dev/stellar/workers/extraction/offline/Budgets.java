package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import dev.stellar.workers.extraction.offline.MoneyMentions.Money;
import java.util.Optional;
import java.util.regex.Pattern;

/** The budget a business buyer states for the purchase (not what they pay today, not a list price). */
final class Budgets {

    private static final Pattern BUDGET = Lexicon.of("budget|budgeted|set aside|allocated|approved|earmarked|can spend"
            + "|could spend|spend|spending|afford|cap|ceiling|up to|max|maximum|sign off on|range|have about|have around");
    private static final Pattern NOT_THE_BUDGET = Lexicon.of("last year|currently pay|paying now|we pay|they charge|charges us"
            + "|costs us|we spent|we're spending|spending now|per seat|a seat|per user|a user|per rep|a rep|revenue|arr|salary"
            + "|quote|quoted|list price|discount|deal size|deals|pipeline|lose|losing|lost|cost us");

    private Budgets() {
    }

    static Optional<Finding> budget(CallText call, FieldDefinition field) {
        Money best = null;
        for (Money money : MoneyMentions.in(call)) {
            Sentence s = money.sentence();
            String context = s.lower() + " " + Amounts.question(call, s);
            if (!s.customer() || !Lexicon.has(BUDGET, context) || Lexicon.has(NOT_THE_BUDGET, s.lower())) {
                continue;
            }
            best = money; // later statements refine earlier ones
        }
        return Optional.ofNullable(best).map(m -> new Finding(m.value(), 0.75, m.sentence()));
    }
}
