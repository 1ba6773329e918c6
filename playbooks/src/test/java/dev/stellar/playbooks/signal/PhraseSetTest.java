package dev.stellar.playbooks.signal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhraseSetTest {

    @Test
    void matchesWholeWordsCaseInsensitively() {
        PhraseSet set = PhraseSet.of("price", "too expensive");
        assertThat(set.find("Honestly the PRICE is steep")).contains("PRICE");
        assertThat(set.matches("this is priceless")).isFalse();
        assertThat(set.find("it's   too\nexpensive for us")).contains("too\nexpensive");
    }

    @Test
    void countsEveryOccurrence() {
        PhraseSet fillers = PhraseSet.of("um", "you know");
        assertThat(fillers.count("Um, so, you know, the um budget... you   know?")).isEqualTo(4);
        assertThat(fillers.count("umbrella drum")).isZero();
    }

    @Test
    void apostrophesMatchStraightAndTypographic() {
        PhraseSet set = PhraseSet.of("let's do it");
        assertThat(set.matches("Okay, let’s do it.")).isTrue();
        assertThat(set.matches("ok let's do it")).isTrue();
        assertThat(set.matches("lets do it")).isFalse();
    }

    @Test
    void objectionsAreRecognisedFromTypicalPhrasings() {
        assertThat(Objection.NEED_SPOUSE_APPROVAL.phrases().matches("I need to talk to my wife first")).isTrue();
        assertThat(Objection.PRICE.phrases().matches("That's more than we can afford")).isFalse();
        assertThat(Objection.PRICE.phrases().matches("we can't afford that right now")).isTrue();
        assertThat(Objection.NEED_SPOUSE_APPROVAL.key()).isEqualTo("need_spouse_approval");
    }
}
