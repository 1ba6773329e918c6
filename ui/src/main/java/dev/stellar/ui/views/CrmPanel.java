package dev.stellar.ui.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.crm.CrmChange;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.crm.CrmReview;
import dev.stellar.workers.crm.CrmReview.Decision;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The meeting's CRM diff: per record and property what the CRM holds, what the call suggests and the words it rests on;
 * the reviewer approves (after editing the value, if need be) or rejects each line, or all; applied lines can be undone.
 */
class CrmPanel extends Div {

    private final CrmReview review;
    private final Caller caller;
    private final UUID meetingId;
    private final Consumer<Long> showMoment;
    private final Grid<CrmChange> grid = new Grid<>();
    private final Span summary = new Span();
    private final Button approveAll = new Button("Approve all", e -> decideAll(true));
    private final Button rejectAll = new Button("Reject all", e -> decideAll(false));
    private final Button undo = new Button("Undo what was written", e -> undo());
    private final Button sync = new Button("Sync to CRM", e -> sync());
    private Registration polling;
    private int polls;
    /** Values the reviewer typed, kept across refreshes until decided. */
    private final Map<UUID, String> edits = new HashMap<>();

    CrmPanel(CrmReview review, Caller caller, UUID meetingId, Consumer<Long> showMoment) {
        this.review = review;
        this.caller = caller;
        this.meetingId = meetingId;
        this.showMoment = showMoment;
        setId("crm");
        setWidthFull();
        summary.setId("crm-summary");
        approveAll.setId("crm-approve-all");
        approveAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        rejectAll.setId("crm-reject-all");
        undo.setId("crm-undo");
        sync.setId("crm-sync");
        sync.setTooltipText("Read the CRM again and propose this meeting's changes: after a CRM was connected or the "
                + "mapping changed");
        Button refresh = new Button("Refresh", e -> refresh());
        HorizontalLayout actions = new HorizontalLayout(approveAll, rejectAll, undo, sync, refresh);
        actions.setWrap(true);

        grid.setId("crm-changes");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addColumn(c -> c.note() ? c.objectLabel() : c.objectLabel() + " " + c.recordKey())
                .setHeader("Record").setFlexGrow(1);
        grid.addColumn(CrmChange::property).setHeader("Property").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> c.currentValue() == null ? (c.recordId() == null ? "(new record)" : "—") : c.currentValue())
                .setHeader("In the CRM now").setFlexGrow(1);
        grid.addComponentColumn(this::proposed).setHeader("Proposed").setFlexGrow(2);
        grid.addComponentColumn(this::evidence).setHeader("Evidence").setFlexGrow(2);
        grid.addComponentColumn(this::state).setHeader("").setAutoWidth(true).setFlexGrow(0);
        add(new Paragraph(summary), actions, grid);
        refresh();
    }

    void refresh() {
        List<CrmChange> changes = review.changes(caller, meetingId);
        long waiting = changes.stream().filter(CrmChange::waiting).count();
        long applied = changes.stream().filter(c -> c.status() == Status.APPLIED).count();
        long failed = changes.stream().filter(c -> c.status() == Status.FAILED).count();
        summary.setText(changes.isEmpty() ? "Nothing to sync: no CRM is connected, or the CRM already holds what the call "
                + "says (or the analysis is still running)."
                : waiting + " waiting for review · " + applied + " written · " + failed + " refused by the CRM"
                + (changes.stream().anyMatch(c -> c.waiting() && c.escalatedAt() != null) ? " · escalated to managers" : ""));
        approveAll.setEnabled(waiting > 0);
        rejectAll.setEnabled(waiting > 0);
        undo.setEnabled(applied > 0);
        grid.setItems(changes);
    }

    private Component proposed(CrmChange change) {
        boolean note = change.note(); // several lines
        if (!change.waiting()) {
            String written = change.appliedValue() != null ? change.appliedValue() : change.proposedValue();
            Span value = new Span(written);
            value.getStyle().set("white-space", "pre-line");
            if (change.appliedValue() != null && !change.appliedValue().equals(change.proposedValue())) {
                value.setTitle("edited; proposed was " + change.proposedValue());
            }
            return value;
        }
        com.vaadin.flow.component.textfield.TextFieldBase<?, String> value = note ? new TextArea() : new TextField();
        value.addClassName("crm-value");
        value.setWidthFull();
        value.setValue(edits.getOrDefault(change.id(), change.proposedValue()));
        value.addValueChangeListener(e -> edits.put(change.id(), e.getValue()));
        return value;
    }

    private Component evidence(CrmChange change) {
        Div cell = new Div();
        if (change.confidence() != null) {
            Span confidence = new Span(Formats.percent(change.confidence()) + (change.autoApplied() ? " · auto-approved" : ""));
            confidence.getStyle().set("font-size", "var(--lumo-font-size-s)");
            cell.add(confidence);
        }
        if (change.evidenceQuote() != null) {
            Span quote = new Span("“" + change.evidenceQuote() + "”");
            quote.getStyle().set("display", "block").set("font-style", "italic");
            cell.add(quote);
            if (change.evidenceStartMs() != null) {
                Button at = new Button(Formats.clock(change.evidenceStartMs()), e -> showMoment.accept(change.evidenceStartMs()));
                at.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                cell.add(at);
            }
        }
        return cell;
    }

    private Component state(CrmChange change) {
        if (change.waiting()) {
            Button approve = new Button("Approve", e -> decide(change, true));
            approve.addClassName("crm-approve");
            approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
            Button reject = new Button("Reject", e -> decide(change, false));
            reject.addClassName("crm-reject");
            reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
            return new HorizontalLayout(approve, reject);
        }
        Span status = new Span(change.status().name().charAt(0) + change.status().name().substring(1).toLowerCase(Locale.ROOT)
                + (change.decidedBy() == null ? "" : " by " + change.decidedBy())
                + (change.error() == null ? "" : ": " + change.error()));
        status.addClassName("crm-status");
        status.getElement().setAttribute("data-status", change.status().name());
        if (change.status() == Status.FAILED) {
            status.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return status;
    }

    private void decide(CrmChange change, boolean approve) {
        act(() -> review.decide(caller, meetingId, new Decision(change.id(), change.version(), approve,
                approve ? edits.get(change.id()) : null)));
        edits.remove(change.id());
    }

    private void decideAll(boolean approve) {
        if (approve && !edits.isEmpty()) {
            Notification.show("Approve the edited lines one by one; Approve all writes the proposed values", 5000,
                    Notification.Position.MIDDLE);
            return;
        }
        act(() -> review.decideAll(caller, meetingId, approve));
    }

    /** Starts a sync, then looks again every second and a half until its proposals are there (a minute at most). */
    private void sync() {
        if (!act(() -> {
            if (!review.sync(caller, meetingId)) {
                throw new IllegalStateException("A sync of this meeting is still waiting for review");
            }
        })) {
            return;
        }
        getUI().ifPresent(ui -> {
            stopPolling();
            polls = 0;
            ui.setPollInterval(1500);
            polling = ui.addPollListener(e -> {
                refresh();
                if (++polls >= 40 || !grid.getListDataView().getItems().toList().isEmpty()) {
                    stopPolling();
                }
            });
        });
    }

    private void stopPolling() {
        if (polling != null) {
            polling.remove();
            polling = null;
            getUI().ifPresent(ui -> ui.setPollInterval(-1));
        }
    }

    @Override
    protected void onDetach(com.vaadin.flow.component.DetachEvent event) {
        stopPolling();
        super.onDetach(event);
    }

    private void undo() {
        if (act(() -> review.undo(caller, meetingId))) {
            Notification.show("The previous values were written back", 3000, Notification.Position.BOTTOM_START);
        }
    }

    /** @return whether it went through; if not, the reason is on screen */
    private boolean act(Runnable action) {
        boolean done = true;
        try {
            action.run();
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
            done = false;
        }
        refresh();
        return done;
    }
}
