package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.playbooks.trigger.TriggerEngine.Check;
import dev.stellar.playbooks.trigger.TriggerRuleException;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.trigger.StoredRule;
import dev.stellar.workers.trigger.TriggerBacktest;
import dev.stellar.workers.trigger.TriggerBacktest.Hit;
import dev.stellar.workers.trigger.TriggerService;
import jakarta.annotation.security.RolesAllowed;
import java.util.stream.Collectors;

/**
 * OPS and ADMIN write if-then rules (YAML, checked as they save, each problem at its place) and backtest one over the
 * past days before switching it on: which meetings would have fired it, with the value each condition saw.
 */
@Route(value = "triggers", layout = MainLayout.class)
@PageTitle("Triggers · Stellar")
@RolesAllowed({"ADMIN", "OPS"})
public class TriggersView extends VerticalLayout {

    private static final String NEW_RULE = """
            key: my-rule
            name: What it does
            when: meeting.analysed
            if:
              all:
                - { field: fields.outcome, op: equals, value: Won }
            then:
              - { action: notify, with: { to: manager, message: A deal was won } }
            """;

    private final TriggerService triggers;
    private final TriggerBacktest backtest;
    private final Caller caller;
    private final Grid<StoredRule> rules = new Grid<>();
    private final TextArea document = new TextArea("Rule (YAML)");
    private final UnorderedList problems = new UnorderedList();
    private final Grid<Hit> results = new Grid<>();
    private final Span summary = new Span();
    private final Button toggle = new Button();
    private final Grid<TriggerService.Firing> firings = new Grid<>();

    public TriggersView(TriggerService triggers, TriggerBacktest backtest, CurrentCaller currentCaller) {
        this.triggers = triggers;
        this.backtest = backtest;
        this.caller = currentCaller.require();
        setSizeFull();
        add(new H2("Triggers"), new Paragraph("When an event happens and its values meet the conditions, the actions run. "
                + "Write a rule, backtest it on the past days' meetings and deal changes, then switch it on."));

        rules.setId("trigger-rules");
        rules.addThemeVariants(GridVariant.LUMO_COMPACT);
        rules.addColumn(StoredRule::key).setHeader("Rule").setAutoWidth(true);
        rules.addColumn(StoredRule::event).setHeader("When").setAutoWidth(true);
        rules.addColumn(r -> "v" + r.version()).setHeader("Version").setAutoWidth(true);
        rules.addColumn(r -> r.enabled() ? "on" : "off").setHeader("State").setAutoWidth(true);
        rules.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));

        document.setId("trigger-document");
        document.setWidthFull();
        document.setMinHeight("18em");
        document.getStyle().set("font-family", "monospace");
        problems.setId("trigger-problems");
        problems.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", e -> save());
        save.setId("trigger-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button create = new Button("New rule", e -> {
            rules.asSingleSelect().clear();
            document.setValue(NEW_RULE);
        });
        IntegerField days = new IntegerField();
        days.setId("backtest-days");
        days.setValue(30);
        days.setMin(1);
        days.setMax(365);
        days.setSuffixComponent(new Span("days"));
        days.setWidth("8em");
        Button run = new Button("Backtest", e -> backtest(days.getValue() == null ? 30 : days.getValue()));
        run.setId("trigger-backtest");
        toggle.setId("trigger-toggle");
        toggle.addClickListener(e -> toggle());
        toggle.setEnabled(false);

        summary.setId("backtest-summary");
        results.setId("backtest-results");
        results.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        results.addColumn(Hit::subject).setHeader("Meeting or deal").setAutoWidth(true);
        results.addColumn(h -> Formats.dateTime(h.occurredAt(), BrowserZone.of(UI.getCurrent()))).setHeader("When")
                .setAutoWidth(true);
        results.addColumn(h -> h.fires() ? "fires" : "—").setHeader("Result").setAutoWidth(true);
        results.addColumn(h -> h.checks().stream().map(TriggersView::check).collect(Collectors.joining("; ")))
                .setHeader("Conditions, with the values seen").setFlexGrow(1);
        results.addColumn(h -> String.join("; ", h.actions())).setHeader("Would run").setFlexGrow(1);

        firings.setId("trigger-firings");
        firings.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        firings.setAllRowsVisible(true);
        firings.addColumn(f -> Formats.dateTime(f.firedAt(), BrowserZone.of(UI.getCurrent()))).setHeader("Fired")
                .setAutoWidth(true);
        firings.addColumn(f -> f.subject() + " (v" + f.version() + ")").setHeader("Meeting").setAutoWidth(true);
        firings.addColumn(TriggerService.Firing::status).setHeader("Result").setAutoWidth(true);
        firings.addColumn(f -> java.util.stream.StreamSupport.stream(f.actions().spliterator(), false)
                .map(a -> a.path("action").asText() + ": " + a.path("status").asText().toLowerCase(java.util.Locale.ROOT)
                        + (a.hasNonNull("detail") ? " (" + a.get("detail").asText() + ")" : ""))
                .collect(Collectors.joining("; "))).setHeader("Actions").setFlexGrow(1);

        VerticalLayout editor = new VerticalLayout(document, problems,
                new HorizontalLayout(save, create, days, run, toggle), new H4("Backtest"), summary, results,
                new H4("Firings"), firings);
        editor.setPadding(false);
        SplitLayout split = new SplitLayout(rules, editor);
        split.setSplitterPosition(30);
        split.setSizeFull();
        add(split);
        refresh(null);
        document.setValue(NEW_RULE);
    }

    private void show(StoredRule rule) {
        problems.removeAll();
        results.setItems();
        summary.setText("");
        toggle.setEnabled(rule != null);
        firings.setItems(rule == null ? java.util.List.of() : triggers.firings(caller, rule.key(), 50));
        if (rule != null) {
            document.setValue(rule.document());
            toggle.setText(rule.enabled() ? "Switch off" : "Switch on");
        }
    }

    private void save() {
        problems.removeAll();
        try {
            StoredRule saved = triggers.save(caller, document.getValue());
            refresh(saved.key());
            Notification.show("Saved " + saved.key() + " as version " + saved.version()
                    + (saved.enabled() ? "" : "; backtest it, then switch it on"), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TriggerRuleException e) {
            e.errors().forEach(error -> problems.add(new ListItem(error.path() + ": " + error.message())));
        }
    }

    private void backtest(int days) {
        StoredRule rule = rules.asSingleSelect().getValue();
        if (rule == null) {
            Notification.show("Save the rule, then backtest it", 3000, Notification.Position.MIDDLE);
            return;
        }
        TriggerBacktest.Result result = backtest.run(caller, rule.key(), days);
        summary.setText(result.fired() + " of " + result.considered() + " past " + rule.event() + " event(s) in "
                + result.days() + " days would have fired version " + result.version()
                + (result.note() == null ? "" : ". " + result.note()));
        results.setItems(result.hits());
    }

    private void toggle() {
        StoredRule rule = rules.asSingleSelect().getValue();
        if (rule != null) {
            refresh(triggers.enable(caller, rule.key(), !rule.enabled()).key());
        }
    }

    private void refresh(String selected) {
        var all = triggers.list(caller);
        rules.setItems(all);
        all.stream().filter(r -> r.key().equals(selected)).findFirst().ifPresent(rules::select);
    }

    private static String check(Check check) {
        return check.field() + " " + check.op().symbol() + " " + check.operands().stream().map(String::valueOf)
                .collect(Collectors.joining(", ")) + " (was " + (check.actual() == null ? "empty" : check.actual()) + ")"
                + (check.passed() ? " ✓" : " ✗");
    }
}
