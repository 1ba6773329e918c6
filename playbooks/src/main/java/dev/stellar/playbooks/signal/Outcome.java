package dev.stellar.playbooks.signal;

/**
 * How a sales meeting ended, with the phrasings that signal each outcome. Lost is checked before Won,
 * so a negated commitment ("we won't go ahead") reads as Lost, never as Won.
 */
public enum Outcome {
    WON("Won", PhraseSet.of("let's do it", "let's go ahead", "we'll go ahead", "let's go with you",
            "sign me up", "sign us up", "where do i sign", "send me the contract", "send over the contract",
            "send the contract", "we'll take it", "i'll take it", "you have a deal", "it's a deal",
            "payment went through", "payment is processed", "payment processed", "card went through",
            "ready to move forward", "decided to go with you", "go with stellar")),
    LOST("Lost", PhraseSet.of("not interested", "we'll pass", "going to pass", "decided to go with another",
            "decided to go with someone else", "decided to go with a different", "going with another",
            "went with another", "not a fit", "not a good fit", "no longer interested", "don't want to move forward",
            "not going to move forward", "won't be moving forward", "won't go ahead", "will not go ahead",
            "not going ahead")),
    PENDING("Pending", PhraseSet.of("think about it", "get back to you", "sleep on it", "follow up next week",
            "need to discuss", "circle back", "not ready to decide"));

    private final String label;
    private final PhraseSet signals;

    Outcome(String label, PhraseSet signals) {
        this.label = label;
        this.signals = signals;
    }

    /** The value as the CRM field schema spells it: Won, Lost, Pending. */
    public String label() {
        return label;
    }

    public PhraseSet signals() {
        return signals;
    }
}
