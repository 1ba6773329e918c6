package dev.stellar.playbooks.trigger;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How a condition tests a value, written in rules as {@link #symbol()}. */
public enum Operator {
    EQUALS("equals", 1),
    NOT_EQUALS("not equals", 1),
    IN("in", -1),
    CONTAINS("contains", 1),
    GREATER("greater than", 1),
    LESS("less than", 1),
    BETWEEN("between", 2),
    CHANGED_FROM("changed from", 1),
    CHANGED_TO("changed to", 1),
    IS_EMPTY("is empty", 0),
    IS_NOT_EMPTY("is not empty", 0);

    private final String symbol;
    /** How many values it compares with; -1 for one or more. */
    private final int operands;

    Operator(String symbol, int operands) {
        this.symbol = symbol;
        this.operands = operands;
    }

    public String symbol() {
        return symbol;
    }

    public int operands() {
        return operands;
    }

    /** Whether it orders values, so that it needs numbers, money or dates. */
    public boolean ordering() {
        return this == GREATER || this == LESS || this == BETWEEN;
    }

    public static Optional<Operator> of(String symbol) {
        return Arrays.stream(values()).filter(op -> op.symbol.equalsIgnoreCase(symbol == null ? "" : symbol.strip()))
                .findFirst();
    }

    public static List<String> symbols() {
        return Arrays.stream(values()).map(Operator::symbol).toList();
    }
}
