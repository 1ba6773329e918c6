package dev.stellar.playbooks.trigger;

import java.util.List;
import java.util.stream.Collectors;

/** A rule that cannot be used, with every problem found, each naming its place ({@code if.all[1].value}). */
public class TriggerRuleException extends RuntimeException {

    /** One problem: where in the rule, and what. */
    public record FieldError(String path, String message) {
    }

    private final List<FieldError> errors;

    public TriggerRuleException(List<FieldError> errors) {
        super(errors.stream().map(e -> e.path() + ": " + e.message()).collect(Collectors.joining("; ")));
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
