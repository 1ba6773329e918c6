package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A business buyer's discovery answers: the company, who decides, the need, the timeline, the competition. Each
 * has a class of its own; this is where the extractor finds them by field.
 */
final class Discovery {

    private Discovery() {
    }

    static Optional<Finding> company(CallText call, FieldDefinition field) {
        return Companies.company(call);
    }

    static Optional<Finding> authority(CallText call, FieldDefinition field) {
        return DecisionMakers.authority(call);
    }

    static Optional<Finding> need(CallText call, FieldDefinition field) {
        return Needs.need(call);
    }

    static Optional<Finding> timeline(CallText call, FieldDefinition field) {
        return Timelines.timeline(call);
    }

    /** Competitors, never the buyer's own company or a person on the call. */
    static Optional<Finding> competitors(CallText call, FieldDefinition field) {
        Set<String> notProducts = new HashSet<>();
        Companies.company(call).ifPresent(company -> notProducts.add(Competitors.key((String) company.value())));
        call.utterances().forEach(u -> notProducts.add(Competitors.key(u.speaker())));
        return Competitors.competitors(call, notProducts);
    }
}
