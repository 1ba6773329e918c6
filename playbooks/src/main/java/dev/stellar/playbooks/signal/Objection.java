package dev.stellar.playbooks.signal;

import java.util.Locale;

/** Objection types a customer raises, keyed as the CRM field schema names them, with the phrasings that reveal them. */
public enum Objection {
    PRICE(PhraseSet.of("expensive", "costs too much", "too much money", "can't afford",
            "cannot afford", "out of our budget", "over our budget", "over budget", "not in the budget",
            "price is high", "pricey", "cheaper", "that's a lot of money", "a lot of money", "more than i figured",
            "more than i expected", "more than i thought", "more than we expected", "more than we thought", "too steep",
            "a bit steep", "pretty steep")),
    TIMING(PhraseSet.of("not the right time", "bad time", "next quarter", "next year", "not right now",
            "maybe later", "too soon", "not a priority right now", "after the holidays", "not a great time",
            "not a good time", "a weird time", "not the best time", "too much going on")),
    NEED_SPOUSE_APPROVAL(PhraseSet.of("talk to my wife", "talk to my husband", "talk to my spouse",
            "talk to my partner", "discuss it with my wife", "discuss it with my husband",
            "discuss this with my wife", "discuss this with my husband", "check with my wife",
            "check with my husband", "ask my wife", "ask my husband", "my wife and i need to",
            "my husband and i need to", "without my wife", "without my husband", "without my partner",
            "without my spouse", "run it by my wife", "run it by my husband", "run it by my partner")),
    TRUST_IN_PROVIDER(PhraseSet.of("how do i know", "never heard of you", "can i trust", "reviews",
            "references", "sounds too good to be true", "is this legit", "scam", "how i know", "how can i know",
            "how can we know", "how would i know", "how can i be sure", "will you still be around", "will you still be here",
            "still be around in", "still be here in", "still here in")),
    ALREADY_HAVE_PLAN(PhraseSet.of("already have a will", "already have a trust", "already have a plan",
            "already have an attorney", "already have a lawyer", "already use", "we already have",
            "happy with our current", "already did a will", "already made a will", "already did one",
            "already have one", "stay with the one we have", "keep what we have", "keep the one we have", "i have a will",
            "i have the will", "we have a will", "i have a trust", "we have a trust", "i did a will", "we did a will",
            "i did a trust", "we did a trust", "the trust we have", "the will we have", "the will i have",
            "did all this already", "did this already", "already done this")),
    COMPLEXITY(PhraseSet.of("too complicated", "sounds complicated", "so complicated", "really complicated",
            "very complicated", "this is complicated", "confusing", "too complex", "overwhelming", "don't understand",
            "hard to understand", "hard to follow", "over my head", "a lot to take in", "a lot to keep straight",
            "all a bit much")),
    THINKING_IT_OVER(PhraseSet.of("think about it", "think it over", "sleep on it", "need some time",
            "get back to you", "not ready to decide", "mull it over"));

    private final PhraseSet phrases;

    Objection(PhraseSet phrases) {
        this.phrases = phrases;
    }

    public PhraseSet phrases() {
        return phrases;
    }

    /** The key used in extracted fields, e.g. {@code need_spouse_approval}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
