package dev.stellar.playbooks.trigger;

import dev.stellar.playbooks.trigger.CompiledRule.Group;
import dev.stellar.playbooks.trigger.CompiledRule.Node;
import dev.stellar.playbooks.trigger.CompiledRule.Test;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Evaluates a rule against an event, with no side effects: whether it fires, and every test with the value it saw,
 * for the firing log and the backtest alike. Groups evaluate all their children, so that the log shows each value.
 */
public final class TriggerEngine {

    /** One test: what it compared and the value the event had. */
    public record Check(String path, String field, Operator op, List<Object> operands, Object actual, Object before,
                        boolean passed) {
    }

    /** Whether the rule fires for the event, and why. */
    public record Evaluation(boolean fires, List<Check> checks) {
    }

    private TriggerEngine() {
    }

    public static Evaluation evaluate(CompiledRule rule, TriggerEvent event) {
        if (event.type() != rule.event()) {
            return new Evaluation(false, List.of());
        }
        List<Check> checks = new ArrayList<>();
        boolean fires = rule.condition() == null || evaluate(rule.condition(), event, checks);
        return new Evaluation(fires, checks);
    }

    private static boolean evaluate(Node node, TriggerEvent event, List<Check> checks) {
        if (node instanceof Group group) {
            boolean result = group.all();
            for (Node child : group.children()) {
                boolean passed = evaluate(child, event, checks);
                result = group.all() ? result && passed : result || passed;
            }
            return result;
        }
        Test test = (Test) node;
        Object actual = event.values().get(test.field());
        Object before = event.previous().get(test.field());
        boolean passed = test(test, actual, before, event.previous().containsKey(test.field()));
        checks.add(new Check(test.path(), test.field(), test.op(), test.operands(), actual, before, passed));
        return passed;
    }

    private static boolean test(Test test, Object actual, Object before, boolean changed) {
        List<Object> operands = test.operands();
        if (test.op().ordering() && (empty(actual) || test.numeric() && number(actual) == null)) {
            return false; // an empty value is neither greater nor less than anything
        }
        return switch (test.op()) {
            case IS_EMPTY -> empty(actual);
            case IS_NOT_EMPTY -> !empty(actual);
            case EQUALS -> same(test, actual, operands.get(0));
            case NOT_EQUALS -> !same(test, actual, operands.get(0));
            case IN -> operands.stream().anyMatch(operand -> same(test, actual, operand));
            case CONTAINS -> actual instanceof Collection<?> items
                    ? items.stream().anyMatch(item -> same(test, item, operands.get(0)))
                    : actual != null && String.valueOf(actual).toLowerCase(java.util.Locale.ROOT)
                    .contains(String.valueOf(operands.get(0)).toLowerCase(java.util.Locale.ROOT));
            case GREATER -> compare(test, actual, operands.get(0)) > 0;
            case LESS -> compare(test, actual, operands.get(0)) < 0;
            case BETWEEN -> compare(test, actual, operands.get(0)) >= 0 && compare(test, actual, operands.get(1)) <= 0;
            case CHANGED_FROM -> changed && same(test, before, operands.get(0)) && !same(test, actual, before);
            case CHANGED_TO -> changed && same(test, actual, operands.get(0)) && !same(test, before, actual);
        };
    }

    private static boolean same(Test test, Object actual, Object operand) {
        if (actual == null) {
            return operand == null;
        }
        if (test.numeric()) {
            BigDecimal number = number(actual);
            return number != null && number.compareTo((BigDecimal) operand) == 0;
        }
        return String.valueOf(actual).equalsIgnoreCase(String.valueOf(operand));
    }

    /** Order of a number, an amount or an ISO date (as text, ISO dates sort by time); the value is not empty. */
    private static int compare(Test test, Object actual, Object operand) {
        return test.numeric() ? number(actual).compareTo((BigDecimal) operand)
                : String.valueOf(actual).compareTo(String.valueOf(operand));
    }

    private static BigDecimal number(Object value) {
        try {
            return value instanceof BigDecimal decimal ? decimal : new BigDecimal(String.valueOf(value));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean empty(Object value) {
        return value == null || value instanceof Collection<?> items && items.isEmpty()
                || String.valueOf(value).isBlank() || Objects.equals(value, "null");
    }
}
