package dev.stellar.playbooks.trigger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a rule can do, with the parameters each takes. The catalogue grows with the product: a new action is a new
 * entry here and an executor in the workers.
 */
public enum ActionType {
    START_SEQUENCE("start_sequence", List.of(new Parameter("sequence", true, "the e-mail sequence's key"))),
    DRAFT_EMAIL("draft_email", List.of(new Parameter("subject", true, "the subject; {{...}} as in sequences"),
            new Parameter("body", true, "the text, for the rep to approve"))),
    CRM_TASK("crm_task", List.of(new Parameter("subject", true, "what the task says"),
            new Parameter("due_in_days", false, "a whole number of days"))),
    CRM_UPDATE("crm_update", List.of(new Parameter("object", true, "the CRM object, e.g. deals"),
            new Parameter("property", true, "the property to set"), new Parameter("value", true, "its new value"))),
    COACHING_TASK("coaching_task", List.of(new Parameter("title", true, "what the rep should work on"))),
    NOTIFY("notify", List.of(new Parameter("to", true, "owner, manager, a role (OPS) or an e-mail address"),
            new Parameter("message", true, "what they read"))),
    WEBHOOK("webhook", List.of(new Parameter("url", true, "an https URL; the body is signed (HMAC-SHA256)"))),
    REVIEW_QUEUE("review_queue", List.of(new Parameter("queue", true, "the queue's name")));

    /** A parameter an action takes. */
    public record Parameter(String name, boolean required, String description) {
    }

    private final String key;
    private final List<Parameter> parameters;

    ActionType(String key, List<Parameter> parameters) {
        this.key = key;
        this.parameters = parameters;
    }

    public String key() {
        return key;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    public static Optional<ActionType> of(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.key.equals(wanted)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(ActionType::key).toList();
    }
}
