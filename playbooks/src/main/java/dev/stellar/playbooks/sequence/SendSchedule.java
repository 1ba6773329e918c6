package dev.stellar.playbooks.sequence;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** When a sequence step goes out: business days (Monday to Friday) after the previous message, within the send window. */
public final class SendSchedule {

    private SendSchedule() {
    }

    /**
     * @param previous   when the previous message of the sequence went out
     * @param businessDays how many business days later this one is due
     * @return the first moment in the send window on or after the due day and time
     */
    public static Instant next(Instant previous, int businessDays, ZoneId zone, SendWindow window) {
        ZonedDateTime due = previous.atZone(zone);
        LocalDate day = due.toLocalDate();
        for (int added = 0; added < businessDays; ) {
            day = day.plusDays(1);
            if (isBusinessDay(day)) {
                added++;
            }
        }
        ZonedDateTime candidate = day.atTime(due.toLocalTime()).atZone(zone);
        return intoWindow(candidate, window).toInstant();
    }

    private static ZonedDateTime intoWindow(ZonedDateTime candidate, SendWindow window) {
        LocalDate day = candidate.toLocalDate();
        if (!isBusinessDay(day) || !candidate.toLocalTime().isBefore(window.end())) {
            do {
                day = day.plusDays(1);
            } while (!isBusinessDay(day));
            return day.atTime(window.start()).atZone(candidate.getZone());
        }
        if (candidate.toLocalTime().isBefore(window.start())) {
            return day.atTime(window.start()).atZone(candidate.getZone());
        }
        return candidate;
    }

    static boolean isBusinessDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }
}
