package dev.stellar.playbooks.trigger;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldType;
import dev.stellar.playbooks.trigger.CompiledRule.Group;
import dev.stellar.playbooks.trigger.CompiledRule.Node;
import dev.stellar.playbooks.trigger.CompiledRule.PlannedAction;
import dev.stellar.playbooks.trigger.CompiledRule.Test;
import dev.stellar.playbooks.trigger.TriggerRule.Action;
import dev.stellar.playbooks.trigger.TriggerRule.Condition;
import dev.stellar.playbooks.trigger.TriggerRuleException.FieldError;
import dev.stellar.playbooks.yaml.YamlDocuments;
import dev.stellar.playbooks.yaml.YamlDocuments.DocumentException;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and checks rules. Every problem is reported at once with its place: an unknown event, field or action, a
 * value of the wrong type or outside a field's allowed values, a bad cron expression, a rule that does nothing.
 */
public final class TriggerRules {

    private static final CronParser CRON = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

    private TriggerRules() {
    }

    /** @throws TriggerRuleException with the line for YAML that cannot be read, else every problem by path */
    public static CompiledRule read(String yaml, RuleContext context) {
        TriggerRule rule;
        try {
            rule = YamlDocuments.read(yaml, TriggerRule.class);
        } catch (DocumentException e) {
            throw new TriggerRuleException(List.of(new FieldError("line " + e.line(), e.getMessage())));
        }
        return compile(rule, context);
    }

    public static String write(TriggerRule rule) {
        return YamlDocuments.write(rule);
    }

    public static CompiledRule compile(TriggerRule rule, RuleContext context) {
        List<FieldError> errors = new ArrayList<>();
        if (blank(rule.key()) || !rule.key().matches("[a-z0-9][a-z0-9-]{0,62}")) {
            errors.add(new FieldError("key", "a short name of lower-case letters, digits and dashes"));
        }
        Optional<EventType> event = EventType.of(rule.when());
        if (event.isEmpty()) {
            errors.add(new FieldError("when", "'" + rule.when() + "' is not an event; one of "
                    + String.join(", ", EventType.keys())));
        }
        Node condition = rule.condition() == null || event.isEmpty() ? null
                : node(rule.condition(), "if", event.get(), context, errors);
        if (event.orElse(null) == EventType.SCHEDULE) {
            checkSchedule(rule, errors);
        }
        if (event.orElse(null) == EventType.NO_ACTIVITY && (rule.noActivityDays() == null || rule.noActivityDays() < 1)) {
            errors.add(new FieldError("noActivityDays", "how many days without a meeting, at least 1"));
        }
        if (rule.firingsPerHour() < 1) {
            errors.add(new FieldError("maxPerHour", "at least 1"));
        }
        List<PlannedAction> actions = new ArrayList<>();
        if (rule.actions().isEmpty()) {
            errors.add(new FieldError("then", "a rule needs at least one action; one of " + String.join(", ",
                    ActionType.keys())));
        }
        for (int i = 0; i < rule.actions().size(); i++) {
            action(rule.actions().get(i), "then[" + i + "]", errors).ifPresent(actions::add);
        }
        if (!errors.isEmpty()) {
            throw new TriggerRuleException(errors);
        }
        return new CompiledRule(rule, event.orElseThrow(), condition, actions);
    }

    private static Node node(Condition c, String path, EventType event, RuleContext context, List<FieldError> errors) {
        boolean group = c.all() != null || c.any() != null;
        if (group) {
            if (c.all() != null && c.any() != null || c.field() != null) {
                errors.add(new FieldError(path, "either all, any, or a field test"));
            }
            List<Condition> children = c.all() != null ? c.all() : c.any();
            String kind = c.all() != null ? "all" : "any";
            if (children.isEmpty()) {
                errors.add(new FieldError(path + "." + kind, "an empty group"));
            }
            List<Node> nodes = new ArrayList<>();
            for (int i = 0; i < children.size(); i++) {
                Node child = node(children.get(i), path + "." + kind + "[" + i + "]", event, context, errors);
                if (child != null) {
                    nodes.add(child);
                }
            }
            return new Group(path, c.all() != null, nodes);
        }
        return test(c, path, event, context, errors);
    }

    private static Test test(Condition c, String path, EventType event, RuleContext context, List<FieldError> errors) {
        String field = c.field() == null ? "" : c.field().strip();
        boolean known = field.startsWith("fields.") ? event.carriesMeetingFields()
                && context.fields().containsKey(field.substring("fields.".length())) : event.names().contains(field);
        if (!known) {
            errors.add(new FieldError(path + ".field", "'" + field + "' is not a value of " + event.key() + "; "
                    + (event.carriesMeetingFields() ? "fields.<key> of the organisation's fields, or " : "")
                    + String.join(", ", event.names().stream().sorted().toList())));
            return null;
        }
        Optional<Operator> op = Operator.of(c.op());
        if (op.isEmpty()) {
            errors.add(new FieldError(path + ".op", "'" + c.op() + "' is not an operator; one of "
                    + String.join(", ", Operator.symbols())));
            return null;
        }
        List<Object> given = c.values() != null ? c.values() : c.value() == null ? List.of() : List.of(c.value());
        int wanted = op.get().operands();
        if (wanted >= 0 && given.size() != wanted || wanted < 0 && given.isEmpty()) {
            errors.add(new FieldError(path + (wanted > 1 || wanted < 0 ? ".values" : ".value"), op.get().symbol()
                    + (wanted == 0 ? " takes no value" : wanted < 0 ? " takes one or more values"
                    : " takes " + (wanted == 1 ? "one value" : wanted + " values"))));
            return null;
        }
        FieldType type = context.typeOf(field);
        boolean numeric = type == FieldType.NUMBER || type == FieldType.MONEY;
        if (op.get().ordering() && !numeric && type != FieldType.DATE) {
            errors.add(new FieldError(path + ".op", op.get().symbol() + " needs a number, an amount or a date; '" + field
                    + "' is " + (type == null ? "text" : type.key())));
            return null;
        }
        List<Object> operands = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            String at = path + (c.values() != null ? ".values[" + i + "]" : ".value");
            Object value = given.get(i);
            if (numeric) {
                try {
                    operands.add(new BigDecimal(String.valueOf(value).replace("_", "")));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(at, "'" + value + "' is not a number, and " + field + " is one"));
                }
            } else if (type == FieldType.DATE) {
                try {
                    operands.add(LocalDate.parse(String.valueOf(value)).toString());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(at, "'" + value + "' is not a date (YYYY-MM-DD)"));
                }
            } else {
                String text = String.valueOf(value);
                FieldDefinition definition = field.startsWith("fields.")
                        ? context.fields().get(field.substring("fields.".length())) : null;
                if (definition != null && definition.hasAllowedValues() && !definition.values().contains(text)) {
                    errors.add(new FieldError(at, "'" + text + "' is not a value of " + field + "; one of "
                            + String.join(", ", definition.values())));
                }
                operands.add(text);
            }
        }
        return new Test(path, field, op.get(), operands, numeric);
    }

    private static Optional<PlannedAction> action(Action a, String path, List<FieldError> errors) {
        Optional<ActionType> type = ActionType.of(a.action());
        if (type.isEmpty()) {
            errors.add(new FieldError(path + ".action", "'" + a.action() + "' is not an action; one of "
                    + String.join(", ", ActionType.keys())));
            return Optional.empty();
        }
        boolean ok = true;
        for (ActionType.Parameter parameter : type.get().parameters()) {
            Object value = a.with().get(parameter.name());
            if (parameter.required() && (value == null || String.valueOf(value).isBlank())) {
                errors.add(new FieldError(path + ".with." + parameter.name(), "required: " + parameter.description()));
                ok = false;
            }
        }
        for (String name : a.with().keySet()) {
            if (type.get().parameters().stream().noneMatch(p -> p.name().equals(name))) {
                errors.add(new FieldError(path + ".with." + name, "not a parameter of " + type.get().key()));
                ok = false;
            }
        }
        Object due = a.with().get("due_in_days");
        if (due != null && !String.valueOf(due).matches("\\d{1,3}")) {
            errors.add(new FieldError(path + ".with.due_in_days", "a whole number of days"));
            ok = false;
        }
        Object url = a.with().get("url");
        if (type.get() == ActionType.WEBHOOK && url != null && !isHttps(String.valueOf(url))) {
            errors.add(new FieldError(path + ".with.url", "an https URL"));
            ok = false;
        }
        return ok ? Optional.of(new PlannedAction(type.get(), Map.copyOf(a.with()))) : Optional.empty();
    }

    private static void checkSchedule(TriggerRule rule, List<FieldError> errors) {
        if (rule.schedule() == null || blank(rule.schedule().cron())) {
            errors.add(new FieldError("schedule.cron", "a schedule needs a Quartz cron expression, e.g. 0 0 9 ? * MON"));
            return;
        }
        try {
            CRON.parse(rule.schedule().cron()).validate();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("schedule.cron", "'" + rule.schedule().cron() + "' is not a cron expression: "
                    + e.getMessage()));
        }
        try {
            ZoneId.of(rule.schedule().zone() == null ? "UTC" : rule.schedule().zone());
        } catch (RuntimeException e) {
            errors.add(new FieldError("schedule.zone", "'" + rule.schedule().zone() + "' is not a time zone"));
        }
    }

    private static boolean isHttps(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
