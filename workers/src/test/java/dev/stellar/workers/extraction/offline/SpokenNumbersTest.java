package dev.stellar.workers.extraction.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpokenNumbersTest {

    @Test
    void wordsBecomeDigits() {
        assertThat(SpokenNumbers.normalize("two hundred and fifty thousand")).isEqualTo("250000");
        assertThat(SpokenNumbers.normalize("seven hundred and fifty thousand?")).isEqualTo("750000?");
        assertThat(SpokenNumbers.normalize("Five hundred fifty thousand.")).isEqualTo("550000.");
        assertThat(SpokenNumbers.normalize("about twelve million, give or take")).isEqualTo("about 12000000, give or take");
    }

    @Test
    void decimalsAndFractionsOfMillions() {
        assertThat(SpokenNumbers.normalize("about 1.2 million")).isEqualTo("about 1200000");
        assertThat(SpokenNumbers.normalize("one point seven million")).isEqualTo("1700000");
        assertThat(SpokenNumbers.normalize("Two and a half million, roughly.")).isEqualTo("2500000, roughly.");
        assertThat(SpokenNumbers.normalize("half a million")).isEqualTo("500000");
    }

    @Test
    void hundredsSaidAsTensOfHundreds() {
        assertThat(SpokenNumbers.normalize("forty-five hundred dollars")).isEqualTo("4500 dollars");
        assertThat(SpokenNumbers.normalize("our flat fee is thirty-two hundred")).isEqualTo("our flat fee is 3200");
    }

    @Test
    void hundredsShorthandButNotClockTimes() {
        assertThat(SpokenNumbers.normalize("the directive is two ninety-five")).isEqualTo("the directive is 295");
        assertThat(SpokenNumbers.normalize("So our will is nine fifty.")).isEqualTo("So our will is 950.");
        assertThat(SpokenNumbers.normalize("so like three-eighty")).isEqualTo("so like 380");
        assertThat(SpokenNumbers.normalize("see you at five thirty")).doesNotContain("530");
        assertThat(SpokenNumbers.normalize("two thirty p.m. works")).doesNotContain("230");
    }

    @Test
    void hundredsShorthandAfterTeensAndTens() {
        assertThat(SpokenNumbers.normalize("Fourteen-fifty. Hm.")).isEqualTo("1450. Hm.");
        assertThat(SpokenNumbers.normalize("Forty-three twenty, yes.")).isEqualTo("4320, yes.");
        assertThat(SpokenNumbers.normalize("so twenty-two fifty total")).isEqualTo("so 2250 total");
        assertThat(SpokenNumbers.normalize("see you at ten fifteen")).doesNotContain("1015");
    }

    @Test
    void grandAndKAreMoney() {
        assertThat(SpokenNumbers.normalize("maybe eighty grand total")).isEqualTo("maybe $80000 total");
        assertThat(SpokenNumbers.normalize("Maybe 40k, all in")).isEqualTo("Maybe 40000, all in");
        assertThat(SpokenNumbers.normalize("it was 3k")).isEqualTo("it was 3000");
        assertThat(SpokenNumbers.normalize("$1.2M")).isEqualTo("$1200000");
    }

    @Test
    void correctionsKeepBothNumbersForTheRulesToWeigh() {
        assertThat(SpokenNumbers.normalize("about one point one million. Actually— wait, no, more like one point four"))
                .isEqualTo("about 1100000. Actually— wait, no, more like 1.4");
        assertThat(SpokenNumbers.normalize("we have two— well, three")).isEqualTo("we have 2— well, 3");
    }

    @Test
    void ordinaryWordsStayWords() {
        assertThat(SpokenNumbers.normalize("one of them is a lawyer")).isEqualTo("1 of them is a lawyer");
        assertThat(SpokenNumbers.normalize("a will and a trust")).isEqualTo("a will and a trust");
    }
}
