package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.CrmRecord;
import dev.stellar.connectors.crm.CrmRecords.RecordWrite;
import dev.stellar.connectors.crm.CrmRecords.WriteResult;
import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.playbooks.crm.CrmMapping.ObjectMapping;
import dev.stellar.playbooks.crm.CrmMapping.Pull;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workers.meeting.MeetingSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Writes a meeting's approved changes, one record at a time, by the key it was matched with: a retry after a crash
 * updates the record the first attempt created. What the CRM held just before is kept, so an undo can write it back.
 */
@Component
public class CrmApplier {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CrmApplier.class);

    /** What a run wrote and what the CRM refused. */
    public record Applied(int applied, int failed, String detail) {
    }

    private static final java.util.regex.Pattern TODAY_PLUS = java.util.regex.Pattern.compile("\\{\\{today\\+(\\d+)d}}");

    private final CrmChangeStore changes;
    private final CrmClients clients;
    private final CrmMappingStore mappings;
    private final ConnectionStore connections;
    private final MeetingStore meetings;
    private final java.time.Clock clock;
    private final CrmPuller puller;

    public CrmApplier(CrmChangeStore changes, CrmClients clients, CrmMappingStore mappings, ConnectionStore connections,
                      MeetingStore meetings, java.time.Clock clock, CrmPuller puller) {
        this.clock = clock;
        this.puller = puller;
        this.changes = changes;
        this.clients = clients;
        this.mappings = mappings;
        this.connections = connections;
        this.meetings = meetings;
    }

    /**
     * @throws CrmException a CRM outage or rate limit (retryable): what was written so far stays written
     */
    public Applied apply(UUID organizationId, UUID meetingId) {
        String title = meetings.summary(organizationId, meetingId).map(MeetingSummary::title).orElse("Meeting");
        int applied = 0;
        List<String> refusals = new ArrayList<>();
        List<CrmChange> approved = changes.withStatus(organizationId, meetingId, Status.APPROVED);
        log.info("Writing {} approved CRM change(s) of meeting {}", approved.size(), meetingId);
        List<CrmChange> notes = approved.stream().filter(CrmChange::note).toList();
        for (Map.Entry<RecordRef, List<CrmChange>> group : byRecord(approved.stream()
                .filter(change -> !change.note()).toList()).entrySet()) {
            RecordRef ref = group.getKey();
            List<CrmChange> lines = group.getValue();
            Optional<Connection> connection = connections.find(organizationId, ref.connectionId());
            if (connection.isEmpty()) {
                lines.forEach(line -> changes.failed(organizationId, line.id(), "The CRM connection was removed"));
                refusals.add("connection removed");
                continue;
            }
            String vendor = CrmClients.vendor(connection.get());
            try {
                Map<String, String> values = new LinkedHashMap<>();
                lines.forEach(line -> values.put(line.property(), line.appliedValue() != null ? line.appliedValue()
                        : line.proposedValue()));
                Map<String, String> onCreate = onCreate(connection.get(), ref, title);
                CrmRecords crm = clients.open(connection.get());
                Set<String> wanted = new LinkedHashSet<>(values.keySet());
                boolean missing;
                if (lines.stream().allMatch(CrmChange::beforeRead)) { // a retry: the first attempt may have written already
                    missing = lines.get(0).recordCreated();
                } else {
                    CrmRecord before = crm.read(ref.object(), ref.keyProperty(), List.of(ref.key()), wanted).get(ref.key());
                    missing = before == null;
                    lines.forEach(line -> changes.beforeRead(organizationId, line.id(),
                            before == null ? null : before.values().get(line.property()), before == null));
                }
                Map<String, String> write = new LinkedHashMap<>(values);
                if (missing) {
                    onCreate.forEach(write::putIfAbsent);
                }
                WriteResult result = crm.upsert(ref.object(), ref.keyProperty(), List.of(new RecordWrite(ref.key(), write)))
                        .get(0);
                if (result.written()) {
                    Pull pull = mappings.mapping(connection.get()).pull();
                    if (pull != null && pull.object().equals(ref.object())) {
                        puller.written(connection.get(), pull, result.id(),
                                ref.keyProperty().equals(pull.key()) ? ref.key() : null, write);
                    }
                    for (CrmChange line : lines) {
                        changes.applied(organizationId, line.id(), result.id(), values.get(line.property()));
                        applied++;
                    }
                } else if (result.failure().retryable()) {
                    throw CrmException.transientFailure(vendor + " did not take " + ref.object() + " " + ref.key()
                            + ": " + result.failure().message(), result.failure().code(), null, null);
                } else {
                    String reason = vendor + " refused it: " + result.failure().message();
                    lines.forEach(line -> changes.failed(organizationId, line.id(), reason));
                    refusals.add(ref.object() + " " + ref.key() + ": " + result.failure().message());
                }
            } catch (CrmException e) {
                if (e.retryable()) {
                    throw e;
                }
                lines.forEach(line -> changes.failed(organizationId, line.id(), e.getMessage()));
                connections.event(connection.get(), "sync refused", e.getMessage(), true);
                refusals.add(e.getMessage());
            }
        }
        for (CrmChange note : notes) { // after the records, so that the note links to what was just created
            try {
                applied += logMeeting(organizationId, meetingId, note, refusals);
            } catch (CrmException e) {
                if (e.retryable()) {
                    throw e;
                }
                changes.failed(organizationId, note.id(), e.getMessage());
                refusals.add(e.getMessage());
            }
        }
        int failed = changes.count(organizationId, meetingId, Status.FAILED);
        return new Applied(applied, failed, refusals.isEmpty() ? null : String.join("; ", refusals));
    }

    /** The meeting's note on the records of its customer, found by the same keys as the changes. */
    private int logMeeting(UUID organizationId, UUID meetingId, CrmChange note, List<String> refusals) {
        Optional<Connection> connection = connections.find(organizationId, note.connectionId());
        if (connection.isEmpty()) {
            changes.failed(organizationId, note.id(), "The CRM connection was removed");
            return 0;
        }
        CrmRecords crm = clients.open(connection.get());
        List<dev.stellar.workers.meeting.Attendee> customers = meetings.customers(organizationId, meetingId);
        Map<String, String> links = new LinkedHashMap<>();
        for (ObjectMapping object : mappings.mapping(connection.get()).objects()) {
            Optional<String> key = object.match().by().equals("account") ? AccountKeys.account(customers)
                    : AccountKeys.firstEmail(customers);
            key.map(k -> crm.read(object.object(), object.match().property(), List.of(k), List.of()).get(k))
                    .ifPresent(record -> links.put(object.object(), record.id()));
        }
        String text = note.appliedValue() != null ? note.appliedValue() : note.proposedValue();
        int newline = text.indexOf('\n');
        String subject = newline < 0 ? text : text.substring(0, newline);
        String body = newline < 0 ? "" : text.substring(newline + 1);
        Instant at = meetings.summary(organizationId, meetingId)
                .map(m -> m.startedAt() != null ? m.startedAt() : m.createdAt()).orElse(clock.instant());
        WriteResult result = crm.logMeeting(new CrmRecords.MeetingNote(note.recordKey(), subject, body, at, links));
        if (!result.written()) {
            String reason = CrmClients.vendor(connection.get()) + " refused the note: " + result.failure().message();
            changes.failed(organizationId, note.id(), reason);
            refusals.add(reason);
            return 0;
        }
        changes.beforeRead(organizationId, note.id(), null, true); // a note is Stellar's own: an undo removes it
        changes.applied(organizationId, note.id(), result.id(), text);
        return 1;
    }

    /**
     * Values only a record Stellar creates gets, e.g. a deal's name and pipeline: {@code {{account}}},
     * {@code {{meeting.title}}} and {@code {{today+30d}}} (a date that many days ahead) are filled in.
     */
    private Map<String, String> onCreate(Connection connection, RecordRef ref, String title) {
        CrmMapping mapping = mappings.mapping(connection);
        Map<String, String> values = new HashMap<>();
        mapping.objects().stream().filter(o -> o.object().equals(ref.object())).findFirst()
                .map(ObjectMapping::onCreate).orElse(Map.of())
                .forEach((property, template) -> values.put(property, render(template, ref.key(), title)));
        return values;
    }

    private String render(String template, String account, String title) {
        String text = template.replace("{{account}}", account).replace("{{meeting.title}}", title);
        java.util.regex.Matcher days = TODAY_PLUS.matcher(text);
        return days.replaceAll(m -> java.time.LocalDate.now(clock).plusDays(Long.parseLong(m.group(1))).toString());
    }

    static Map<RecordRef, List<CrmChange>> byRecord(List<CrmChange> lines) {
        Map<RecordRef, List<CrmChange>> groups = new LinkedHashMap<>();
        for (CrmChange line : lines) {
            groups.computeIfAbsent(new RecordRef(line.connectionId(), line.object(), line.keyProperty(), line.recordKey()),
                    r -> new ArrayList<>()).add(line);
        }
        return groups;
    }

    record RecordRef(UUID connectionId, String object, String keyProperty, String key) {
    }
}
