package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldDefinition;
import java.util.Optional;

/** How the offline extractor finds one field. */
@FunctionalInterface
interface FieldRule {

    Optional<Finding> find(CallText call, FieldDefinition field);
}
