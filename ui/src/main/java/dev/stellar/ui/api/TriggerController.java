package dev.stellar.ui.api;

import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.trigger.StoredRule;
import dev.stellar.workers.trigger.TriggerBacktest;
import dev.stellar.workers.trigger.TriggerService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** If-then rules (OPS and ADMIN; others 403, enforced in the service), and their backtest over past events. */
@RestController
@Tag(name = "Triggers")
@SecurityRequirement(name = "bearer")
public class TriggerController {

    /** @param days how far back to look, 1 to 365 */
    public record BacktestRequest(Integer days) {
    }

    private final TriggerService triggers;
    private final TriggerBacktest backtest;
    private final CurrentCaller currentCaller;

    public TriggerController(TriggerService triggers, TriggerBacktest backtest, CurrentCaller currentCaller) {
        this.triggers = triggers;
        this.backtest = backtest;
        this.currentCaller = currentCaller;
    }

    @GetMapping("/api/triggers")
    public List<StoredRule> list() {
        return triggers.list(currentCaller.require());
    }

    @PostMapping(path = "/api/triggers", consumes = {"application/yaml", "text/plain"})
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a rule (YAML; a new version when its key exists); a new rule starts switched off",
            description = "An invalid rule is refused with 400 and an errors list: each {path, message}.")
    public StoredRule save(@RequestBody String yaml) {
        return triggers.save(currentCaller.require(), yaml);
    }

    @GetMapping("/api/triggers/{key}")
    public StoredRule get(@PathVariable String key) {
        return triggers.get(currentCaller.require(), key);
    }

    @PutMapping("/api/triggers/{key}/enabled")
    @Operation(summary = "Switch a rule on or off (firings already running finish)")
    public StoredRule enable(@PathVariable String key, @RequestParam boolean value) {
        return triggers.enable(currentCaller.require(), key, value);
    }

    @DeleteMapping("/api/triggers/{key}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(@PathVariable String key) {
        triggers.delete(currentCaller.require(), key);
    }

    @GetMapping("/api/triggers/{key}/firings")
    @Operation(summary = "The rule's firings, newest first: the event, the conditions with their values, each action's "
            + "outcome")
    public List<TriggerService.Firing> firings(@PathVariable String key) {
        return triggers.firings(currentCaller.require(), key, 200);
    }

    @PostMapping("/api/triggers/{key}/backtest")
    @Operation(summary = "Run the rule over the past days' events without side effects: which would have fired, with "
            + "the value each condition saw and the actions that would have run")
    public TriggerBacktest.Result backtest(@PathVariable String key, @RequestBody(required = false) BacktestRequest request) {
        return backtest.run(currentCaller.require(), key, request == null || request.days() == null ? 30 : request.days());
    }
}
