package dev.stellar.playbooks.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequenceTemplatesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Test
    void theBuiltInSequenceReadsAndRendersAMeetingsFacts() {
        SequenceTemplate template = SequenceTemplates.builtIn().get(0);
        assertThat(template.key()).isEqualTo(SequenceTemplates.AFTER_THE_MEETING);
        assertThat(template.steps()).hasSize(3);
        assertThat(template.steps().get(2).reviewBeforeSend()).isTrue();

        Map<String, Object> facts = Map.of("contact", Map.of("first_name", "Dana"), "rep", Map.of("name", "Riley Rep"),
                "meeting", Map.of("title", "Northwind discovery"), "fields", Map.of("next_steps", "Send the proposal"));
        assertThat(SequenceMessages.render(template.steps().get(0).subject(), facts)).isEqualTo("Re: Northwind discovery");
        String body = SequenceMessages.render(template.steps().get(0).body(), facts);
        assertThat(body).startsWith("Hi Dana,").contains("We agreed on a few next").endsWith("Riley Rep\n");

        String withoutNextSteps = SequenceMessages.render(template.steps().get(0).body(),
                Map.of("contact", Map.of("first_name", "Dana"), "rep", Map.of("name", "Riley Rep"), "fields", Map.of()));
        assertThat(withoutNextSteps).as("a field the meeting lacks leaves its section out").doesNotContain("agreed");

        assertThat(SequenceTemplates.read(SequenceTemplates.write(template))).isEqualTo(template);
    }

    @Test
    void aBrokenDocumentIsRefusedWithItsLineOrFieldAndAnUnknownVariableIsNamed() {
        assertThatThrownBy(() -> SequenceTemplates.read("""
                key: nurture
                name: Nurture
                steps:
                  - after-business-days: two
                    subject: Hello
                    body: Hi
                """))
                .isInstanceOfSatisfying(SequenceTemplateException.class, e -> assertThat(e.line()).isEqualTo(4))
                .hasMessageContaining("steps[0].after-business-days");
        assertThatThrownBy(() -> SequenceTemplates.read("""
                key: nurture
                name: Nurture
                send-window: {from: "18:00", to: "09:00"}
                steps:
                  - after-business-days: 2
                    subject: Hello {{contact.nickname}}
                    body: Hi
                """))
                .hasMessageContaining("send-window: 'from' must be before 'to'")
                .hasMessageContaining("steps[0].subject:").hasMessageContaining("nickname");
    }

    @Test
    void stepsGoOutOnBusinessDaysInsideTheSendWindow() {
        SendWindow office = SendWindow.OFFICE_HOURS;
        // Thursday 2026-11-26 15:30 in New York, three business days later: Tuesday, same time
        Instant thursday = Instant.parse("2026-11-26T20:30:00Z");
        assertThat(SendSchedule.next(thursday, 3, NEW_YORK, office)).isEqualTo(Instant.parse("2026-12-01T20:30:00Z"));
        // Friday 18:00 is after the window: the next business day's opening, Monday 09:00
        Instant fridayEvening = Instant.parse("2026-11-27T23:00:00Z");
        assertThat(SendSchedule.next(fridayEvening, 0, NEW_YORK, office)).isEqualTo(Instant.parse("2026-11-30T14:00:00Z"));
        // early morning: the same day's opening
        Instant earlyTuesday = Instant.parse("2026-12-01T11:00:00Z"); // 06:00 local
        assertThat(SendSchedule.next(earlyTuesday, 1, NEW_YORK, office)).isEqualTo(Instant.parse("2026-12-02T14:00:00Z"));
    }
}
