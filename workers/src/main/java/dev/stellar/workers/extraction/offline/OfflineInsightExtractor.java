package dev.stellar.workers.extraction.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The offline extractor. Fields of the built-in schemas have rules of their own, keyed by field key (an
 * organisation's schema reusing a key gets the same rule); other fields get a cautious rule for their type.
 * Validation rules then lower the confidence of values that contradict each other, and say why.
 */
@org.springframework.stereotype.Component
public class OfflineInsightExtractor implements InsightExtractor {

    private static final Map<String, FieldRule> RULES = Map.ofEntries(
            Map.entry("client_name", People::clientName),
            Map.entry("spouse_name", People::spouseName),
            Map.entry("marital_status", People::maritalStatus),
            Map.entry("children", People::children),
            Map.entry("estate_value", Amounts::estateValue),
            Map.entry("product", Products::product),
            Map.entry("deal_amount", Amounts::dealAmount),
            Map.entry("payment_processed", Outcomes::paymentProcessed),
            Map.entry("outcome", Outcomes::outcome),
            Map.entry("objections", Objections::objections),
            Map.entry("next_steps", NextSteps::nextSteps),
            Map.entry("follow_up_date", Meetings::nextMeeting),
            Map.entry("company", Discovery::company),
            Map.entry("budget", Budgets::budget),
            Map.entry("authority", Discovery::authority),
            Map.entry("need", Discovery::need),
            Map.entry("timeline", Discovery::timeline),
            Map.entry("competitors", Discovery::competitors),
            Map.entry("deal_stage", DealStages::dealStage),
            Map.entry("next_meeting", Meetings::nextMeeting));

    private final ObjectMapper json;

    public OfflineInsightExtractor(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public List<ExtractedField> extract(ExtractionContext context) {
        CallText call = new CallText(context);
        Map<String, Finding> found = new LinkedHashMap<>();
        for (FieldDefinition field : context.schema().fields()) {
            FieldRule rule = RULES.getOrDefault(field.key(), GenericRules.forType(field));
            rule.find(call, field)
                    .filter(finding -> allowed(field, finding))
                    .ifPresent(finding -> found.put(field.key(), finding));
        }
        Validations.apply(found, context.schema());
        List<ExtractedField> fields = new ArrayList<>();
        found.forEach((key, finding) -> fields.add(toField(key, finding)));
        return fields;
    }

    /** An enum value outside the schema's list is a guess: it stays empty. */
    private static boolean allowed(FieldDefinition field, Finding finding) {
        return switch (field.type()) {
            case ENUM -> field.values().contains(String.valueOf(finding.value()));
            case LIST -> !field.hasAllowedValues() || ((List<?>) finding.value()).stream().allMatch(v -> field.values().contains(String.valueOf(v)));
            default -> true;
        };
    }

    private ExtractedField toField(String key, Finding finding) {
        try {
            return new ExtractedField(key, json.writeValueAsString(finding.value()), round(finding.confidence()),
                    CallText.quote(finding.evidence()), finding.evidence().utterance().startMs(),
                    finding.evidence().utterance().seq(), finding.note());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write field " + key, e);
        }
    }

    private static double round(double confidence) {
        return Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100.0;
    }
}
