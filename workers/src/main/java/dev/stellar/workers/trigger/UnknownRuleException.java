package dev.stellar.workers.trigger;

/** No rule by that key in the caller's organisation. */
public class UnknownRuleException extends RuntimeException {

    public UnknownRuleException(String key) {
        super("There is no trigger rule '" + key + "'");
    }
}
