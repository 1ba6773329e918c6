package dev.stellar.playbooks.crm;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which extracted fields go to which CRM properties, and when a person must look first.
 *
 * @param autoApplyAbove   a change at least this confident is applied without review; null: every change is reviewed
 * @param remindAfterHours when waiting changes are escalated to the rep's manager
 * @param expireAfterHours when changes nobody decided are dropped (the approved ones are applied)
 * @param objects          the CRM objects written, each matched to one record per meeting
 * @param pull             the deals whose changes in the CRM flow back (stage, amount, close date, owner); null: none
 * @param logMeeting       whether the meeting is logged on its records too (a note with its facts and next steps, for
 *                         review like any change); default yes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CrmMapping(Double autoApplyAbove, Integer remindAfterHours, Integer expireAfterHours,
                         List<ObjectMapping> objects, Pull pull, Boolean logMeeting) {

    /** Transforms a field's value may go through on its way to the CRM. */
    public static final Set<String> TRANSFORMS = Set.of("text", "number", "money", "date", "boolean", "list",
            "first-name", "last-name", "picklist");

    public CrmMapping {
        objects = objects == null ? List.of() : List.copyOf(objects);
    }

    public boolean logsMeeting() {
        return logMeeting == null || logMeeting;
    }

    public int remindAfter() {
        return remindAfterHours == null ? 24 : remindAfterHours;
    }

    public int expireAfter() {
        return expireAfterHours == null ? 24 * 7 : expireAfterHours;
    }

    /**
     * @param object   the CRM's name for it: {@code deals}, {@code contacts} (HubSpot); {@code Opportunity} (Salesforce)
     * @param match    how the meeting's record is found
     * @param onCreate values only a new record gets, e.g. its name and pipeline ({@code {{meeting.title}}} and
     *                 {@code {{account}}} are filled in)
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ObjectMapping(String object, String label, Match match, Map<String, String> onCreate,
                                List<FieldMapping> fields) {

        public ObjectMapping {
            onCreate = onCreate == null ? Map.of() : Map.copyOf(onCreate);
            fields = fields == null ? List.of() : List.copyOf(fields);
        }

        public String displayName() {
            return label == null ? object : label;
        }
    }

    /**
     * @param property the CRM property whose value identifies the record, e.g. {@code email}, {@code stellar_deal_id}
     * @param by       {@code attendee-email}: the first attendee from outside the organisation; {@code account}: the
     *                 customer's account (their company's domain, or their address at a free-mail provider), so every
     *                 meeting with the same customer updates the same deal
     */
    public record Match(String property, String by) {

        public static final Set<String> RULES = Set.of("attendee-email", "account");
    }

    /**
     * @param field     the extracted field's key
     * @param property  the CRM property it is written to
     * @param transform how its value becomes the property's (default {@code text}); {@code picklist} maps through
     *                  {@code values}
     * @param values    picklist: the field's value → the CRM's option; a value without an entry is not written
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FieldMapping(String field, String property, String transform, Map<String, String> values) {

        public FieldMapping {
            values = values == null ? Map.of() : Map.copyOf(values);
        }

        public String transformOrDefault() {
            return transform == null ? (values.isEmpty() ? "text" : "picklist") : transform;
        }
    }

    /**
     * Which deal fields are watched in the CRM. Changes to them become deal history and events ({@code
     * deal.stage_changed}, {@code deal.amount_changed}) for triggers and forecasts.
     *
     * @param key the field holding Stellar's key of the deal (its customer account)
     */
    public record Pull(String object, String key, String stage, String amount, String closeDate, String owner) {

        /** The fields to read, in a stable order. */
        public List<String> fields() {
            List<String> fields = new ArrayList<>();
            for (String field : new String[] {key, stage, amount, closeDate, owner}) {
                if (field != null && !fields.contains(field)) {
                    fields.add(field);
                }
            }
            return fields;
        }
    }

    /**
     * What is wrong with the mapping, in words naming where; empty when it can be used.
     *
     * @param knownFields the organisation's field keys, or null not to check them (a stored mapping whose field was
     *                    since dropped from the schemas still works: that field just has no value to write)
     */
    public List<String> problems(Set<String> knownFields) {
        List<String> problems = new ArrayList<>();
        if (autoApplyAbove != null && (autoApplyAbove <= 0 || autoApplyAbove > 1)) {
            problems.add("autoApplyAbove must be above 0 and at most 1 (or left out: everything is reviewed)");
        }
        if (remindAfter() < 1 || expireAfter() <= remindAfter()) {
            problems.add("expireAfterHours must come after remindAfterHours, both at least an hour");
        }
        if (objects.isEmpty()) {
            problems.add("objects: map at least one CRM object");
        }
        if (pull != null && (blank(pull.object()) || blank(pull.stage()) && blank(pull.amount()))) {
            problems.add("pull needs an object and at least its stage or amount field");
        }
        for (int i = 0; i < objects.size(); i++) {
            ObjectMapping o = objects.get(i);
            String at = "objects[" + i + "]";
            if (blank(o.object())) {
                problems.add(at + ".object is required");
            }
            if (o.match() == null || blank(o.match().property()) || !Match.RULES.contains(o.match().by())) {
                problems.add(at + ".match needs a property and by: one of " + String.join(", ", Match.RULES.stream().sorted().toList()));
            }
            for (int j = 0; j < o.fields().size(); j++) {
                FieldMapping f = o.fields().get(j);
                String fat = at + ".fields[" + j + "]";
                if (blank(f.field()) || knownFields != null && !knownFields.contains(f.field())) {
                    problems.add(fat + ".field: " + (blank(f.field()) ? "is required" : "'" + f.field()
                            + "' is not a field of the organisation's schemas"));
                }
                if (blank(f.property())) {
                    problems.add(fat + ".property is required");
                }
                if (!TRANSFORMS.contains(f.transformOrDefault())) {
                    problems.add(fat + ".transform: '" + f.transform() + "' is not one of "
                            + String.join(", ", TRANSFORMS.stream().sorted().toList()));
                }
                if (f.transformOrDefault().equals("picklist") && f.values().isEmpty()) {
                    problems.add(fat + ".values: a picklist needs the value map");
                }
            }
        }
        return problems;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
