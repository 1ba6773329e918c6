package dev.stellar.workers.extraction.offline;

import dev.stellar.playbooks.schema.FieldSchema;
import java.util.Map;

/** Rules across fields: a value that contradicts another keeps its place but loses confidence, with the reason. */
final class Validations {

    private Validations() {
    }

    static void apply(Map<String, Finding> found, FieldSchema schema) {
        Finding outcome = found.get("outcome");
        if (outcome != null && "Won".equals(outcome.value()) && schema.field("payment_processed").isPresent()
                && !isTrue(found.get("payment_processed"))) {
            found.put("outcome", outcome.doubted(0.6, "Won, but no payment was processed on the call"));
        }
        Finding paid = found.get("payment_processed");
        if (isTrue(paid) && outcome != null && "Lost".equals(outcome.value())) {
            found.put("payment_processed", paid.doubted(0.6, "a payment on a call whose outcome is Lost"));
        }
        Finding deal = found.get("deal_amount");
        Finding estate = found.get("estate_value");
        if (deal != null && estate != null && deal.value().equals(estate.value())) {
            found.put("deal_amount", deal.doubted(0.5, "the same amount as the estate value"));
        }
        Finding stage = found.get("deal_stage");
        Finding budget = found.get("budget");
        if (stage != null && "closed_won".equals(stage.value()) && budget == null) {
            found.put("deal_stage", stage.doubted(0.8, "closed won without a stated budget"));
        }
    }

    private static boolean isTrue(Finding finding) {
        return finding != null && Boolean.TRUE.equals(finding.value());
    }
}
