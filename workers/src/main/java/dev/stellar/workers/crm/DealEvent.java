package dev.stellar.workers.crm;

import java.time.Instant;
import java.util.UUID;

/**
 * A change people made to a deal in the CRM, as Stellar noticed it.
 *
 * @param type       {@code deal.stage_changed}, {@code deal.amount_changed}, {@code deal.close_date_changed},
 *                   {@code deal.owner_changed}
 * @param dealKey    Stellar's key of the deal (the customer's account), when the deal carries one
 * @param occurredAt when the CRM recorded the change
 */
public record DealEvent(UUID id, UUID connectionId, String type, String crmId, String dealKey, String field,
                        String oldValue, String newValue, Instant occurredAt) {
}
