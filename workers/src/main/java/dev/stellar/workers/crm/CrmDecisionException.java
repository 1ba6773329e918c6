package dev.stellar.workers.crm;

/** A decision that cannot be taken as asked: the change was decided or edited meanwhile, or there is nothing to undo. */
public class CrmDecisionException extends RuntimeException {

    public CrmDecisionException(String message) {
        super(message);
    }
}
