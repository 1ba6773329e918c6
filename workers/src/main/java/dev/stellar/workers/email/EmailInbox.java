package dev.stellar.workers.email;

import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.email.Suppressions.Suppression;
import dev.stellar.workflows.email.EmailApprovalWorkflow.ApprovalDecision;
import dev.stellar.workflows.email.EmailApprovalWorkflow.Decision;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The approval inbox: what waits for a person, and their decisions. A rep decides on their own meetings' drafts, a
 * manager on the team's, admins and ops on all. A decision is checked and stored first, then the workflow is told.
 */
@Service
public class EmailInbox {

    /** The furthest ahead a send can be scheduled. */
    static final Duration LONGEST_SCHEDULE = Duration.ofDays(90);
    private static final int MAX_ITEMS = 500;

    private final ApprovalStore approvals;
    private final MailboxStore mailboxes;
    private final Suppressions suppressions;
    private final EmailWorkflows workflows;
    private final SequenceTemplateStore templates;
    private final Clock clock;

    public EmailInbox(ApprovalStore approvals, MailboxStore mailboxes, Suppressions suppressions, EmailWorkflows workflows,
                      SequenceTemplateStore templates, Clock clock) {
        this.templates = templates;
        this.approvals = approvals;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** @param statuses empty for every status; waiting drafts come first, newest first */
    public List<InboxItem> inbox(Caller caller, List<DraftStatus> statuses) {
        return approvals.inbox(caller, statuses, MAX_ITEMS);
    }

    public InboxItem item(Caller caller, UUID draftId) {
        return approvals.visible(caller, draftId).orElseThrow(() -> new DraftNotFoundException(draftId));
    }

    /**
     * Approves the draft as edited, to be sent now or at {@code sendAt}.
     *
     * @throws InvalidEmailAddressException a recipient is not an address
     * @throws InvalidApprovalException     no recipient, an empty subject or body, a suppressed recipient, a send time too
     *                                      far ahead, or no mailbox to send from
     * @throws DraftDecidedException        someone decided or the agent redrafted it since it was loaded
     */
    public InboxItem approve(Caller caller, UUID draftId, Approval approval) {
        InboxItem item = waiting(caller, draftId);
        List<String> to = EmailAddresses.recipients(approval.to(), "recipient");
        List<String> cc = EmailAddresses.recipients(approval.cc(), "cc");
        if (to.isEmpty()) {
            throw new InvalidApprovalException("Add at least one recipient: the meeting named "
                    + (item.namedRecipients().isEmpty() ? "nobody" : String.join(", ", item.namedRecipients()))
                    + " but Stellar knows no address for them");
        }
        require(approval.subject() != null && !approval.subject().isBlank(), "The subject is empty");
        require(approval.body() != null && !approval.body().isBlank(), "The message is empty");
        List<String> everyone = new ArrayList<>(to);
        everyone.addAll(cc);
        List<Suppression> suppressed = suppressions.among(caller.organizationId(), everyone);
        if (!suppressed.isEmpty()) {
            Suppression first = suppressed.get(0);
            throw new InvalidApprovalException(first.address() + " must not be written to ("
                    + first.reason().name().toLowerCase(java.util.Locale.ROOT) + " on " + first.since().toString().substring(0, 10)
                    + "); remove the address");
        }
        Instant now = clock.instant();
        Instant sendAt = approval.sendAt() == null || approval.sendAt().isBefore(now) ? now : approval.sendAt();
        require(!sendAt.isAfter(now.plus(LONGEST_SCHEDULE)), "A send can be scheduled at most 90 days ahead");
        if (mailboxes.senderFor(caller.organizationId(), item.ownerId()).isEmpty()) {
            throw new InvalidApprovalException("There is no mailbox to send from: " + (item.ownerName() == null
                    ? "the meeting has no owner" : item.ownerName() + " has none") + " and the organisation has none."
                    + " Connect one under Mailbox");
        }
        String sequence = approval.sequence() == null || approval.sequence().isBlank() ? null : approval.sequence().strip();
        require(sequence == null || item.enrollmentId() == null, "A sequence step cannot start another sequence");
        require(sequence == null || templates.resolve(caller.organizationId(), sequence, null).isPresent(),
                "There is no sequence '" + sequence + "'");
        if (!approvals.approve(caller.organizationId(), draftId, approval.version(), caller.userId(), to, cc,
                approval.subject().strip(), approval.body().strip(), sendAt, sequence)) {
            throw new DraftDecidedException("The draft changed or was decided since you opened it; open it again");
        }
        workflows.decided(caller.organizationId(), draftId, new ApprovalDecision(Decision.APPROVE, sendAt.toEpochMilli()));
        return item(caller, draftId);
    }

    /** @throws InvalidApprovalException when no reason is given: the agent and the team learn from it */
    public InboxItem reject(Caller caller, UUID draftId, String reason) {
        waiting(caller, draftId);
        require(reason != null && !reason.isBlank(), "Say why the draft is rejected");
        if (!approvals.reject(caller.organizationId(), draftId, caller.userId(), reason.strip())) {
            throw new DraftDecidedException("The draft was decided since you opened it");
        }
        workflows.decided(caller.organizationId(), draftId, new ApprovalDecision(Decision.REJECT, 0));
        return item(caller, draftId);
    }

    /** Approves each draft as drafted, to be sent now; returns, per draft that was not approved, why. */
    public Map<UUID, String> approveAll(Caller caller, List<UUID> draftIds) {
        Map<UUID, String> refused = new LinkedHashMap<>();
        for (UUID id : draftIds) {
            try {
                InboxItem item = item(caller, id);
                approve(caller, id, new Approval(item.to(), item.cc(), item.subject(), item.body(), null, item.version()));
            } catch (RuntimeException e) {
                refused.put(id, e.getMessage());
            }
        }
        return refused;
    }

    /** Rejects each draft with the one reason; returns, per draft that was not rejected, why. */
    public Map<UUID, String> rejectAll(Caller caller, List<UUID> draftIds, String reason) {
        require(reason != null && !reason.isBlank(), "Say why the drafts are rejected");
        Map<UUID, String> refused = new LinkedHashMap<>();
        for (UUID id : draftIds) {
            try {
                reject(caller, id, reason);
            } catch (RuntimeException e) {
                refused.put(id, e.getMessage());
            }
        }
        return refused;
    }

    private InboxItem waiting(Caller caller, UUID draftId) {
        InboxItem item = item(caller, draftId);
        if (!item.waiting()) {
            throw new DraftDecidedException("The draft is " + item.status().name().toLowerCase(java.util.Locale.ROOT)
                    + (item.decidedBy() == null ? "" : " (" + item.decidedBy() + ")") + " and can no longer be decided");
        }
        return item;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new InvalidApprovalException(message);
        }
    }
}
