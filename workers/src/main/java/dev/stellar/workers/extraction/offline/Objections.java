package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.signal.Objection;
import dev.stellar.workers.extraction.offline.CallText.Sentence;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The objections the customer raised, in the order raised; denials ("price isn't the issue") do not count. */
final class Objections {

    private static final Pattern DENIAL = Lexicon.of("isn't (?:an? |the )?(?:issue|problem|concern)|not (?:an? |the )?(?:issue"
            + "|problem|concern)|no (?:issue|problem|concern)|doesn't matter|not worried about|not a big deal");

    private Objections() {
    }

    static Optional<Finding> objections(CallText call, FieldDefinition field) {
        boolean anyCustomer = !call.roles().customers().isEmpty();
        List<String> raised = new ArrayList<>();
        Sentence first = null;
        for (Sentence s : call.sentences()) {
            if (anyCustomer && !s.customer() || Lexicon.has(DENIAL, s.lower())) {
                continue;
            }
            for (Objection objection : Objection.values()) {
                if (field.values().contains(objection.key()) && !raised.contains(objection.key())
                        && objection.phrases().matches(s.lower())) {
                    raised.add(objection.key());
                    if (first == null) {
                        first = s;
                    }
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(new Finding(List.copyOf(raised), 0.75, first));
    }
}
