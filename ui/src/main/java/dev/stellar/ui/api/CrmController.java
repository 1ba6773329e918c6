package dev.stellar.ui.api;

import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.crm.CrmChange;
import dev.stellar.workers.crm.CrmPuller;
import dev.stellar.workers.crm.DealEvent;
import dev.stellar.workers.crm.CrmReview;
import dev.stellar.workers.crm.CrmReview.Decision;
import dev.stellar.workers.crm.CrmSettings;
import dev.stellar.workers.crm.CrmSettings.TestResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A meeting's CRM diff and its review (the meeting's rep, their manager, ADMIN, OPS); CRM connection settings (ADMIN, OPS). */
@RestController
@Tag(name = "CRM")
@SecurityRequirement(name = "bearer")
public class CrmController {

    /**
     * @param version the change's version as read (a change edited meanwhile is refused)
     * @param value   what to write instead of the proposed value; absent writes the proposed one
     */
    public record DecisionRequest(boolean approve, long version, String value) {
    }

    private final CrmReview review;
    private final CrmSettings settings;
    private final CurrentCaller currentCaller;

    public CrmController(CrmReview review, CrmSettings settings, CurrentCaller currentCaller) {
        this.review = review;
        this.settings = settings;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/meetings/{id}/crm-changes")
    @Operation(summary = "The meeting's CRM diff: per mapped property the CRM's value, the proposed one, its confidence "
            + "and evidence, the decision and what was written")
    public List<CrmChange> changes(@PathVariable UUID id) {
        return review.changes(currentCaller.require(), id);
    }

    @PostMapping("/api/meetings/{id}/crm-changes/{changeId}/decision")
    @Operation(summary = "Approve (optionally with an edited value) or reject one change")
    public CrmChange decide(@PathVariable UUID id, @PathVariable UUID changeId, @RequestBody DecisionRequest request) {
        return review.decide(currentCaller.require(), id, new Decision(changeId, request.version(), request.approve(),
                request.value()));
    }

    @PostMapping("/api/meetings/{id}/crm-changes/decide-all")
    @Operation(summary = "Approve or reject every change still waiting, as proposed")
    public Map<String, Integer> decideAll(@PathVariable UUID id, @RequestParam boolean approve) {
        return Map.of("decided", review.decideAll(currentCaller.require(), id, approve));
    }

    @PostMapping("/api/meetings/{id}/crm-sync")
    @Operation(summary = "Read the CRM again and propose the meeting's changes (after connecting a CRM or changing the "
            + "mapping); started=false while a sync of the meeting still waits for review")
    public Map<String, Boolean> sync(@PathVariable UUID id) {
        return Map.of("started", review.sync(currentCaller.require(), id));
    }

    @PostMapping("/api/meetings/{id}/crm-changes/undo")
    @Operation(summary = "Write back the values the applied changes replaced")
    public List<CrmChange> undo(@PathVariable UUID id) {
        return review.undo(currentCaller.require(), id);
    }

    @GetMapping("/api/crm/waiting")
    @Operation(summary = "Meetings whose CRM changes wait for the caller's review")
    public List<CrmReview.Waiting> waiting() {
        return review.waiting(currentCaller.require(), 100);
    }

    @PostMapping("/api/connections/{id}/test")
    @Operation(summary = "Call the CRM with the stored credentials (and create the property Stellar upserts deals by)")
    public TestResult test(@PathVariable UUID id) {
        return settings.test(currentCaller.require(), id);
    }

    @PostMapping("/api/connections/{id}/pull")
    @Operation(summary = "Read the deals changed in the CRM now (it also happens every stellar.crm.pull-interval)")
    public CrmPuller.Pulled pull(@PathVariable UUID id) {
        return settings.pull(currentCaller.require(), id);
    }

    @GetMapping("/api/crm/deal-events")
    @Operation(summary = "Changes people made to deals in the CRM (stage, amount, close date, owner), newest first")
    public List<DealEvent> dealEvents(@RequestParam(defaultValue = "100") int limit) {
        return settings.dealEvents(currentCaller.require(), Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping(path = "/api/connections/{id}/mapping", produces = "application/yaml")
    @Operation(summary = "The connection's field mapping as YAML (the built-in one until the organisation saves its own)")
    public String mapping(@PathVariable UUID id) {
        return settings.mapping(currentCaller.require(), id);
    }

    @PutMapping(path = "/api/connections/{id}/mapping", consumes = {"application/yaml", "text/plain"})
    @Operation(summary = "Replace the connection's field mapping; a broken one is refused naming the line or field")
    public CrmMapping saveMapping(@PathVariable UUID id, @RequestBody String yaml) {
        return settings.saveMapping(currentCaller.require(), id, yaml);
    }
}
