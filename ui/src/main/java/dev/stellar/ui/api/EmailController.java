package dev.stellar.ui.api;

import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.email.Approval;
import dev.stellar.workers.email.ApprovalPolicies;
import dev.stellar.workers.email.EmailInbox;
import dev.stellar.workers.email.InboxItem;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.email.Mailbox;
import dev.stellar.workers.email.MailboxForm;
import dev.stellar.workers.email.MailboxService;
import dev.stellar.workers.email.MailboxService.ConnectionCheck;
import dev.stellar.workers.email.Suppressions.Suppression;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The follow-up approval inbox and the mailboxes mail is sent from. Who may see and decide what is enforced by the
 * services: a rep their own meetings' drafts, a manager the team's; the shared mailbox and suppressions by ADMIN and OPS.
 */
@RestController
@Tag(name = "E-mail")
@SecurityRequirement(name = "bearer")
public class EmailController {

    private final EmailInbox inbox;
    private final MailboxService mailboxes;
    private final ApprovalPolicies policies;
    private final CurrentCaller currentCaller;

    public EmailController(EmailInbox inbox, MailboxService mailboxes, ApprovalPolicies policies,
                           CurrentCaller currentCaller) {
        this.inbox = inbox;
        this.policies = policies;
        this.mailboxes = mailboxes;
        this.currentCaller = currentCaller;
    }

    public record RejectRequest(String reason) {
    }

    public record BulkRequest(List<UUID> ids, String reason) {
    }

    /** @param refused per draft not decided, why */
    public record BulkResult(List<UUID> decided, Map<UUID, String> refused) {
    }

    public record SuppressRequest(String address, String note) {
    }

    /** ISO-8601 durations, e.g. {@code PT24H} and {@code P7D}. */
    public record PolicyRequest(java.time.Duration remindAfter, java.time.Duration expireAfter) {
    }

    @GetMapping("/api/email/drafts")
    @Operation(summary = "Drafted e-mails the caller may decide on; waiting ones first",
            description = "status: any of DRAFT, APPROVED, REJECTED, EXPIRED, SENT, SUPPRESSED, FAILED (default: all)")
    public List<InboxItem> drafts(@RequestParam(required = false) List<DraftStatus> status) {
        return inbox.inbox(currentCaller.require(), status == null ? List.of() : status);
    }

    @GetMapping("/api/email/drafts/{id}")
    @Operation(summary = "One drafted e-mail with the facts it states and where it stands")
    public InboxItem draft(@PathVariable UUID id) {
        return inbox.item(currentCaller.require(), id);
    }

    @PostMapping("/api/email/drafts/{id}/approve")
    @Operation(summary = "Approve a draft as edited, to send now or at sendAt",
            description = "400 names a bad or suppressed recipient, an empty field, or a missing mailbox; 409 when the draft "
                    + "changed or was decided since `version`.")
    public InboxItem approve(@PathVariable UUID id, @RequestBody Approval approval) {
        return inbox.approve(currentCaller.require(), id, approval);
    }

    @PostMapping("/api/email/drafts/{id}/reject")
    @Operation(summary = "Reject a draft, saying why")
    public InboxItem reject(@PathVariable UUID id, @RequestBody RejectRequest request) {
        return inbox.reject(currentCaller.require(), id, request.reason());
    }

    @PostMapping("/api/email/drafts/approve")
    @Operation(summary = "Approve several drafts as drafted, to send now; each one refused says why")
    public BulkResult approveAll(@RequestBody BulkRequest request) {
        Map<UUID, String> refused = inbox.approveAll(currentCaller.require(), ids(request));
        return new BulkResult(ids(request).stream().filter(id -> !refused.containsKey(id)).toList(), refused);
    }

    @PostMapping("/api/email/drafts/reject")
    @Operation(summary = "Reject several drafts with one reason")
    public BulkResult rejectAll(@RequestBody BulkRequest request) {
        Map<UUID, String> refused = inbox.rejectAll(currentCaller.require(), ids(request), request.reason());
        return new BulkResult(ids(request).stream().filter(id -> !refused.containsKey(id)).toList(), refused);
    }

    @GetMapping("/api/email/policy")
    @Operation(summary = "When waiting drafts remind their approver and when they expire")
    public ApprovalPolicies.Policy policy() {
        return policies.of(currentCaller.require().organizationId());
    }

    @PutMapping("/api/email/policy")
    @Operation(summary = "Set when waiting drafts remind and expire (OPS, ADMIN)",
            description = "Applies to drafts that start waiting from now on; a draft already waiting keeps its expiry.")
    public ApprovalPolicies.Policy setPolicy(@RequestBody PolicyRequest request) {
        return policies.set(currentCaller.require(), request.remindAfter(), request.expireAfter());
    }

    @GetMapping("/api/email/mailbox")
    @Operation(summary = "The caller's own mailbox (organisation=true: the shared one), never with its secret")
    public Mailbox mailbox(@RequestParam(defaultValue = "false") boolean organisation) {
        return mailboxes.find(currentCaller.require(), organisation)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No mailbox connected yet"));
    }

    @PutMapping("/api/email/mailbox")
    @Operation(summary = "Connect or change a mailbox; a blank secret keeps the stored one (organisation=true: OPS, ADMIN)",
            description = "The secret (password or OAuth2 access token) is encrypted before it is stored and never returned.")
    public Mailbox saveMailbox(@RequestParam(defaultValue = "false") boolean organisation, @RequestBody MailboxForm form) {
        return mailboxes.save(currentCaller.require(), organisation, form);
    }

    @PostMapping("/api/email/mailbox/test")
    @Operation(summary = "Log in to the mailbox's SMTP and IMAP servers without sending anything")
    public ConnectionCheck testMailbox(@RequestParam(defaultValue = "false") boolean organisation) {
        return mailboxes.test(currentCaller.require(), organisation);
    }

    @GetMapping("/api/email/suppressions")
    @Operation(summary = "Addresses the organisation never writes to: unsubscribed, bounced, or added by hand")
    public List<Suppression> suppressions() {
        return mailboxes.suppressions(currentCaller.require());
    }

    @PostMapping("/api/email/suppressions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Stop all mail to an address at once (OPS, ADMIN)")
    public void suppress(@RequestBody SuppressRequest request) {
        mailboxes.suppress(currentCaller.require(), request.address(), request.note());
    }

    private static List<UUID> ids(BulkRequest request) {
        return request.ids() == null ? List.of() : request.ids();
    }
}
