package dev.stellar.playbooks.trigger;

import java.util.List;
import java.util.Map;

/**
 * A rule checked and ready to evaluate: its event, its condition tree with typed values, its actions.
 *
 * @param condition null for a rule without conditions (every event of its type fires it)
 */
public record CompiledRule(TriggerRule document, EventType event, Node condition, List<PlannedAction> actions) {

    /** A node of the condition tree; {@code path} names it as the document does, e.g. {@code if.all[1]}. */
    public sealed interface Node permits Test, Group {
        String path();
    }

    /** A value compared: {@code operands} are numbers ({@link java.math.BigDecimal}) or strings, as the field's type. */
    public record Test(String path, String field, Operator op, List<Object> operands, boolean numeric) implements Node {
    }

    public record Group(String path, boolean all, List<Node> children) implements Node {
    }

    public record PlannedAction(ActionType type, Map<String, Object> parameters) {
    }
}
