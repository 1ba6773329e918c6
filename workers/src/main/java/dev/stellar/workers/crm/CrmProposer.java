package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.CrmRecord;
import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.playbooks.crm.CrmMapping.FieldMapping;
import dev.stellar.playbooks.crm.CrmMapping.ObjectMapping;
import dev.stellar.playbooks.crm.CrmValues;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.crm.CrmChangeStore.Proposal;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingDetail.Insight;
import dev.stellar.workers.meeting.MeetingStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A meeting's proposed CRM changes: for every connected CRM and mapped object, the record the meeting is about, its
 * current values, and one change per mapped field whose extracted value differs, with the field's confidence and
 * evidence. The organisation's threshold approves the confident ones at once.
 */
@Component
public class CrmProposer {

    private static final Logger log = LoggerFactory.getLogger(CrmProposer.class);
    /** The note comes after every field's change in the diff. */
    private static final int NOTE_POSITION = 100_000;

    /** When people must decide by, from the connections' mappings (the most urgent wins). */
    public record Deadlines(int remindAfterHours, int expireAfterHours) {
    }

    private final CrmClients clients;
    private final CrmMappingStore mappings;
    private final CrmChangeStore changes;
    private final MeetingStore meetings;
    private final ConnectionStore connections;
    private final MeetingNotes notes;

    public CrmProposer(CrmClients clients, CrmMappingStore mappings, CrmChangeStore changes, MeetingStore meetings,
                       ConnectionStore connections, MeetingNotes notes) {
        this.notes = notes;
        this.clients = clients;
        this.mappings = mappings;
        this.changes = changes;
        this.meetings = meetings;
        this.connections = connections;
    }

    /**
     * @throws CrmException when a CRM cannot be read now (retryable); a CRM that refuses the connection is noted on the
     *                      connection and skipped
     */
    public Deadlines propose(UUID organizationId, UUID meetingId) {
        List<Attendee> customers = meetings.customers(organizationId, meetingId);
        Map<String, Insight> insights = meetings.insights(organizationId, meetingId).stream()
                .collect(Collectors.toMap(Insight::key, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        int remind = Integer.MAX_VALUE;
        int expire = Integer.MAX_VALUE;
        for (Connection connection : clients.connected(organizationId)) {
            CrmMapping mapping = mappings.mapping(connection);
            remind = Math.min(remind, mapping.remindAfter());
            expire = Math.min(expire, mapping.expireAfter());
            try {
                propose(organizationId, meetingId, connection, mapping, clients.open(connection), customers, insights);
            } catch (CrmException e) {
                if (e.retryable()) {
                    throw e;
                }
                log.warn("{} connection {} refused: {}", CrmClients.vendor(connection), connection.id(), e.getMessage());
                connections.event(connection, "sync refused", e.getMessage(), true);
            }
        }
        return new Deadlines(remind == Integer.MAX_VALUE ? 24 : remind, expire == Integer.MAX_VALUE ? 24 * 7 : expire);
    }

    private void propose(UUID organizationId, UUID meetingId, Connection connection, CrmMapping mapping, CrmRecords crm,
                         List<Attendee> customers, Map<String, Insight> insights) {
        if (mapping.logsMeeting() && !customers.isEmpty()) {
            // the note states every extracted fact: it needs no review only if every fact would need none
            boolean confident = mapping.autoApplyAbove() != null
                    && insights.values().stream().allMatch(i -> i.confidence() >= mapping.autoApplyAbove());
            changes.propose(organizationId, meetingId, new Proposal(connection.id(), crm.noteObject(), "Meeting note",
                    MeetingNotes.KEY, MeetingNotes.marker(meetingId, connection.id()), null, MeetingNotes.PROPERTY, null,
                    NOTE_POSITION, null, notes.text(organizationId, meetingId, customers, insights), null, null, null,
                    confident));
        }
        for (int o = 0; o < mapping.objects().size(); o++) {
            ObjectMapping object = mapping.objects().get(o);
            Optional<String> key = object.match().by().equals("account") ? AccountKeys.account(customers)
                    : AccountKeys.firstEmail(customers);
            if (key.isEmpty()) {
                continue; // no customer with an address: nothing says which record this meeting is about
            }
            Map<String, Candidate> candidates = new LinkedHashMap<>();
            for (FieldMapping field : object.fields()) {
                Insight insight = insights.get(field.field());
                if (insight != null && !candidates.containsKey(field.property())) {
                    CrmValues.toCrm(field, insight.value()).ifPresent(value ->
                            candidates.put(field.property(), new Candidate(field.field(), value, insight)));
                }
            }
            if (candidates.isEmpty()) {
                continue;
            }
            CrmRecord record = crm.read(object.object(), object.match().property(), List.of(key.get()),
                    candidates.keySet()).get(key.get());
            int position = o * 100;
            for (Map.Entry<String, Candidate> entry : candidates.entrySet()) {
                position++;
                String current = record == null ? null : record.values().get(entry.getKey());
                Candidate candidate = entry.getValue();
                if (CrmValues.same(current, candidate.value())) {
                    continue;
                }
                Insight insight = candidate.insight();
                boolean confident = mapping.autoApplyAbove() != null && insight.confidence() >= mapping.autoApplyAbove();
                changes.propose(organizationId, meetingId, new Proposal(connection.id(), object.object(),
                        object.displayName(), object.match().property(), key.get(), record == null ? null : record.id(),
                        entry.getKey(), candidate.field(), position, current, candidate.value(), insight.confidence(),
                        insight.evidenceQuote(), insight.evidenceStartMs(), confident));
            }
        }
    }

    private record Candidate(String field, String value, Insight insight) {
    }
}
