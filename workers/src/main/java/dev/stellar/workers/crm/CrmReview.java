package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.CrmRecord;
import dev.stellar.connectors.crm.CrmRecords.RecordWrite;
import dev.stellar.playbooks.crm.CrmValues;
import dev.stellar.connectors.crm.CrmRecords.WriteResult;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import dev.stellar.workers.crm.CrmApplier.RecordRef;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.meeting.MeetingNotFoundException;
import dev.stellar.workers.meeting.MeetingStore;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workflows.meeting.MeetingStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * A person's review of a meeting's CRM changes: the rep for their own meetings, a manager for the team's, ADMIN and
 * OPS for all (checked here, whatever the edge). A decision is stored first, then the meeting's sync is woken.
 */
@Service
public class CrmReview {

    /**
     * @param value the value to write instead of the proposed one; null or blank writes the proposed value
     */
    public record Decision(UUID changeId, long version, boolean approve, String value) {
    }

    /** A meeting with changes waiting for review. */
    public record Waiting(MeetingSummary meeting, int changes, boolean escalated) {
    }

    private final CrmChangeStore changes;
    private final CrmWorkflows workflows;
    private final CrmClients clients;
    private final ConnectionStore connections;
    private final MeetingStore meetings;

    public CrmReview(CrmChangeStore changes, CrmWorkflows workflows, CrmClients clients, ConnectionStore connections,
                     MeetingStore meetings) {
        this.changes = changes;
        this.workflows = workflows;
        this.clients = clients;
        this.connections = connections;
        this.meetings = meetings;
    }

    /** The meeting's CRM diff as this person may see it; empty when nothing was proposed or it is not theirs to see. */
    public List<CrmChange> changes(Caller caller, UUID meetingId) {
        meetings.summary(caller.organizationId(), meetingId).orElseThrow(() -> new MeetingNotFoundException(meetingId));
        return changes.visible(caller, meetingId);
    }

    /**
     * Reads the CRM again and proposes the meeting's changes (decided ones stay as they are).
     *
     * @return whether a sync started; {@code false} when one is still waiting for review
     * @throws CrmDecisionException when no CRM is connected
     */
    public boolean sync(Caller caller, UUID meetingId) {
        if (!changes.mayReview(caller, meetingId)) {
            throw new MeetingNotFoundException(meetingId);
        }
        if (meetings.summary(caller.organizationId(), meetingId).map(m -> m.status() != MeetingStatus.COMPLETED)
                .orElse(true)) {
            throw new CrmDecisionException("The meeting is still being analysed; its changes are proposed when it is done");
        }
        if (clients.connected(caller.organizationId()).isEmpty()) {
            throw new CrmDecisionException("No CRM is connected: ADMIN or OPS connect one under Connections");
        }
        return workflows.start(caller.organizationId(), meetingId);
    }

    /** Meetings whose changes wait for this person, newest first. */
    public List<Waiting> waiting(Caller caller, int limit) {
        return changes.meetingsWaiting(caller, limit).stream()
                .flatMap(id -> meetings.summary(caller.organizationId(), id).stream())
                .map(meeting -> {
                    List<CrmChange> waiting = changes.visible(caller, meeting.id()).stream().filter(CrmChange::waiting)
                            .toList();
                    return new Waiting(meeting, waiting.size(), waiting.stream().anyMatch(c -> c.escalatedAt() != null));
                })
                .toList();
    }

    /**
     * @throws CrmChangeNotFoundException when the change is not on the meeting or not the caller's to review
     * @throws CrmDecisionException       when it was decided or edited meanwhile
     */
    public CrmChange decide(Caller caller, UUID meetingId, Decision decision) {
        CrmChange change = decideOne(caller, meetingId, decision);
        workflows.reviewed(caller.organizationId(), meetingId);
        return change;
    }

    /** Approves or rejects every change still waiting, as proposed. @return how many were decided */
    public int decideAll(Caller caller, UUID meetingId, boolean approve) {
        int decided = 0;
        for (CrmChange change : changes(caller, meetingId)) {
            if (change.waiting() && changes.decide(caller.organizationId(), change.id(), change.version(),
                    approve ? Status.APPROVED : Status.REJECTED, approve ? change.proposedValue() : null, caller.userId())) {
                decided++;
            }
        }
        if (decided > 0) {
            workflows.reviewed(caller.organizationId(), meetingId);
        }
        return decided;
    }

    /**
     * Writes back what each applied change replaced, record by record (an empty value clears the property); a record
     * the changes created is archived instead (HubSpot's recycle bin keeps it for 90 days), and so is the meeting's note.
     * Nothing is undone when the CRM no longer holds what Stellar wrote (someone changed it since) or when later
     * meetings wrote to a record this one created: the reason says which.
     *
     * @return the changes undone
     * @throws CrmDecisionException when nothing was applied, the CRM changed since, or it refused the old values
     */
    public List<CrmChange> undo(Caller caller, UUID meetingId) {
        List<CrmChange> applied = changes(caller, meetingId).stream().filter(c -> c.status() == Status.APPLIED).toList();
        if (applied.isEmpty()) {
            throw new CrmDecisionException("Nothing of this meeting was written to the CRM, so there is nothing to undo");
        }
        Map<RecordRef, List<CrmChange>> groups = CrmApplier.byRecord(applied);
        Map<RecordRef, CrmRecords> crms = new LinkedHashMap<>();
        for (Map.Entry<RecordRef, List<CrmChange>> group : groups.entrySet()) { // check everything before writing anything
            RecordRef ref = group.getKey();
            Connection connection = connections.find(caller.organizationId(), ref.connectionId())
                    .orElseThrow(() -> new CrmDecisionException("The CRM connection was removed; undo it in the CRM"));
            CrmRecords crm = clients.open(connection);
            crms.put(ref, crm);
            CrmChange first = group.getValue().get(0);
            if (first.note()) {
                continue;
            }
            if (first.recordCreated()) {
                int others = changes.appliedByOthers(caller.organizationId(), ref.connectionId(), ref.object(), ref.key(),
                        meetingId);
                if (others > 0) {
                    throw new CrmDecisionException(first.objectLabel() + " " + ref.key() + " was created by this meeting "
                            + "and updated by " + others + " change(s) of later meetings since; undo those first. "
                            + "Nothing was undone");
                }
            }
            CrmRecord now;
            try {
                now = crm.read(ref.object(), ref.keyProperty(), List.of(ref.key()),
                        group.getValue().stream().map(CrmChange::property).toList()).get(ref.key());
            } catch (CrmException e) {
                throw new CrmDecisionException("Could not undo: " + e.getMessage());
            }
            List<String> changedSince = group.getValue().stream()
                    .filter(c -> now == null || !CrmValues.same(now.values().get(c.property()), c.appliedValue()))
                    .map(c -> c.property() + (now == null ? "" : " (now " + now.values().getOrDefault(c.property(), "empty")
                            + ")"))
                    .toList();
            if (!changedSince.isEmpty()) {
                throw new CrmDecisionException(first.objectLabel() + " " + ref.key() + " changed in the CRM since Stellar "
                        + "wrote it: " + String.join(", ", changedSince) + ". Nothing was undone");
            }
        }
        for (Map.Entry<RecordRef, List<CrmChange>> group : groups.entrySet()) {
            RecordRef ref = group.getKey();
            CrmChange first = group.getValue().get(0);
            try {
                if (first.recordCreated() || first.note()) { // a note is always Stellar's own
                    crms.get(ref).archive(ref.object(), first.recordId());
                } else {
                    Map<String, String> previous = new LinkedHashMap<>();
                    group.getValue().forEach(c -> previous.put(c.property(), c.beforeValue() == null ? "" : c.beforeValue()));
                    WriteResult result = crms.get(ref).upsert(ref.object(), ref.keyProperty(),
                            List.of(new RecordWrite(ref.key(), previous))).get(0);
                    if (!result.written()) {
                        throw new CrmDecisionException("The CRM refused the previous values of " + ref.object() + " "
                                + ref.key() + ": " + result.failure().message());
                    }
                }
            } catch (CrmException e) {
                throw new CrmDecisionException("Could not undo: " + e.getMessage());
            }
            group.getValue().forEach(c -> changes.undone(caller.organizationId(), c.id(), caller.userId()));
        }
        return changes(caller, meetingId);
    }

    /** For the workflow: flags the waiting changes as escalated, so the team's managers see them as overdue. */
    public void escalate(UUID organizationId, UUID meetingId) {
        changes.escalate(organizationId, meetingId);
    }

    private CrmChange decideOne(Caller caller, UUID meetingId, Decision decision) {
        CrmChange change = changes(caller, meetingId).stream().filter(c -> c.id().equals(decision.changeId())).findFirst()
                .orElseThrow(() -> new CrmChangeNotFoundException(decision.changeId()));
        if (!change.waiting()) {
            throw new CrmDecisionException("The change to " + change.property() + " is "
                    + change.status().name().toLowerCase(Locale.ROOT)
                    + (change.decidedBy() == null ? "" : " (" + change.decidedBy() + ")") + " and can no longer be decided");
        }
        String value = decision.value() == null || decision.value().isBlank() ? change.proposedValue()
                : decision.value().strip();
        if (!changes.decide(caller.organizationId(), change.id(), decision.version(),
                decision.approve() ? Status.APPROVED : Status.REJECTED, decision.approve() ? value : null,
                caller.userId())) {
            throw new CrmDecisionException("The change to " + change.property() + " changed meanwhile; look again");
        }
        return changes.visible(caller, meetingId).stream().filter(c -> c.id().equals(change.id())).findFirst()
                .orElseThrow();
    }
}
