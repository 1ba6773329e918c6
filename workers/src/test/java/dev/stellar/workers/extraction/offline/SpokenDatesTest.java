package dev.stellar.workers.extraction.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.offline.SpokenDates.DateMention;
import dev.stellar.workers.transcript.Utterance;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpokenDatesTest {

    /** A Tuesday. */
    private static final LocalDate TUESDAY_10_FEB = LocalDate.of(2026, 2, 10);

    private static List<LocalDate> days(String text) {
        return SpokenDates.find(text, TUESDAY_10_FEB).stream().map(DateMention::date).toList();
    }

    @Test
    void readsAMonthAndDay() {
        assertThat(days("How about Tuesday, March third?")).containsExactly(LocalDate.of(2026, 3, 3));
        assertThat(days("Let's say March 14th.")).containsExactly(LocalDate.of(2026, 3, 14));
    }

    @Test
    void readsAWeekdayWithItsDayOfMonth() {
        assertThat(days("Thursday the 26th at ten works.")).containsExactly(LocalDate.of(2026, 2, 26));
        assertThat(days("Thursday the twenty-sixth, then.")).containsExactly(LocalDate.of(2026, 2, 26));
    }

    @Test
    void readsABareOrdinalAsTheNextSuchDay() {
        assertThat(days("How's the fourteenth?")).containsExactly(LocalDate.of(2026, 2, 14));
        assertThat(days("Two o'clock on the fifth is fine.")).containsExactly(LocalDate.of(2026, 3, 5));
    }

    @Test
    void anOrdinalBeforeANounIsNoDay() {
        assertThat(days("Can you go back to the first tab?")).isEmpty();
        assertThat(days("The second one gets a polite no.")).isEmpty();
        assertThat(days("I'm the one signing.")).isEmpty();
    }

    @Test
    void readsNextWeekday() {
        assertThat(days("Could we do next Tuesday?")).containsExactly(LocalDate.of(2026, 2, 17));
        assertThat(days("Next Thursday works.")).containsExactly(LocalDate.of(2026, 2, 19));
        assertThat(days("Would a Saturday work?")).isEmpty();
    }

    @Test
    void readsWeeksFromToday() {
        assertThat(days("Two weeks from today, same time.")).containsExactly(LocalDate.of(2026, 2, 24));
        assertThat(days("Let's talk in three weeks.")).containsExactly(LocalDate.of(2026, 3, 3));
    }

    @Test
    void readsTomorrow() {
        assertThat(days("Let's reconnect tomorrow at ten.")).containsExactly(LocalDate.of(2026, 2, 11));
    }

    @Test
    void aDeadlineIsNotTheNextMeeting() {
        CallText call = call(
                "Rep: So let's get the demo on the calendar. How's Thursday the nineteenth at ten?",
                "Buyer: Thursday the nineteenth at ten works.",
                "Rep: Great, I'll send the invite.",
                "Buyer: And I'll get the order file to you by Friday.",
                "Rep: Perfect, and we're holding you to March first for the go-live.");
        Optional<Finding> meeting = Meetings.nextMeeting(call, BuiltInSchemas.get("b2b-discovery").field("next_meeting").orElseThrow());
        assertThat(meeting).map(Finding::value).contains("2026-02-19");
    }

    private static CallText call(String... lines) {
        List<Utterance> utterances = new ArrayList<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            utterances.add(new Utterance(utterances.size(), line.substring(0, colon), null, null, line.substring(colon + 1).strip()));
        }
        return new CallText(new ExtractionContext(utterances, Set.of("Rep"), null, TUESDAY_10_FEB, TUESDAY_10_FEB,
                BuiltInSchemas.get("b2b-discovery")));
    }
}
