package dev.stellar.playbooks.trigger;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What can start a rule, named as rules write it ({@code meeting.analysed}), and the values each event carries
 * besides the meeting's extracted fields ({@code fields.<key>}, on events about an analysed meeting).
 */
public enum EventType {
    MEETING_CAPTURED("meeting.captured", false, "meeting.owner", "meeting.team", "meeting.platform", "meeting.title"),
    MEETING_ANALYSED("meeting.analysed", true, "meeting.owner", "meeting.team", "meeting.platform", "meeting.title",
            "meeting.schema"),
    FIELD_EXTRACTED("field.extracted", true, "meeting.owner", "meeting.team", "meeting.schema", "field.key",
            "field.confidence"),
    OBJECTION_DETECTED("objection.detected", true, "meeting.owner", "meeting.team", "objection.type"),
    COMPETITOR_MENTIONED("competitor.mentioned", true, "meeting.owner", "meeting.team", "competitor.name"),
    COACHING_SCORED("coaching.scored", true, "meeting.owner", "meeting.team", "coaching.score", "coaching.missed"),
    LIVE_ALERT("live.alert", false, "meeting.owner", "meeting.team", "alert.kind"),
    EMAIL_APPROVED("email.approved", true, "meeting.owner", "meeting.team", "email.to"),
    EMAIL_SENT("email.sent", true, "meeting.owner", "meeting.team", "email.to"),
    EMAIL_REPLIED("email.replied", true, "meeting.owner", "meeting.team", "email.from"),
    SEQUENCE_FINISHED("sequence.finished", true, "meeting.owner", "meeting.team", "sequence.key", "sequence.reason"),
    CRM_SYNCED("crm.synced", true, "meeting.owner", "meeting.team", "crm.applied", "crm.failed"),
    DEAL_STAGE_CHANGED("deal.stage_changed", false, "deal.key", "deal.stage", "deal.amount", "deal.owner"),
    DEAL_AMOUNT_CHANGED("deal.amount_changed", false, "deal.key", "deal.stage", "deal.amount", "deal.owner"),
    NO_ACTIVITY("no_activity", false, "account.key", "account.days_without_meeting", "meeting.owner", "meeting.team"),
    SCHEDULE("schedule", false, "schedule.time");

    private final String key;
    private final boolean meetingFields;
    private final Set<String> values;

    EventType(String key, boolean meetingFields, String... values) {
        this.key = key;
        this.meetingFields = meetingFields;
        this.values = Set.of(values);
    }

    public String key() {
        return key;
    }

    /** Whether the event is about an analysed meeting, so that its extracted fields ({@code fields.<key>}) are there. */
    public boolean carriesMeetingFields() {
        return meetingFields;
    }

    /** The values the event carries, by name. */
    public Set<String> names() {
        return values;
    }

    public static Optional<EventType> of(String key) {
        String wanted = key == null ? "" : key.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(type -> type.key.equals(wanted)).findFirst();
    }

    public static List<String> keys() {
        return Arrays.stream(values()).map(EventType::key).toList();
    }
}
