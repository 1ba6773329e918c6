package dev.stellar.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.Approval;
import dev.stellar.workers.email.EmailInbox;
import dev.stellar.workers.email.InboxItem;
import dev.stellar.workers.email.InboxItem.DraftStatus;
import dev.stellar.workers.email.Sequences;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The approval inbox: every drafted follow-up the person may decide on, waiting ones first. Open one to edit its
 * recipients, subject and body beside the facts it states; approve to send now (Ctrl+Enter) or at a time, or reject with
 * a reason. Tick several to approve or reject them together. Nothing is sent without a decision here or over the API.
 */
@Route(value = "inbox", layout = MainLayout.class)
@PageTitle("Follow-ups · Stellar")
@PermitAll
public class InboxView extends VerticalLayout {

    /** Which drafts the list shows. */
    enum Filter {
        WAITING("Waiting for me", DraftStatus.DRAFT),
        SENDING("Approved, not sent yet", DraftStatus.APPROVED),
        DONE("Sent", DraftStatus.SENT),
        CLOSED("Rejected, expired, failed", DraftStatus.REJECTED, DraftStatus.EXPIRED, DraftStatus.FAILED,
                DraftStatus.SUPPRESSED),
        ALL("All");

        final String label;
        final List<DraftStatus> statuses;

        Filter(String label, DraftStatus... statuses) {
            this.label = label;
            this.statuses = List.of(statuses);
        }
    }

    private final EmailInbox inbox;
    private final Caller caller;
    private final Grid<InboxItem> grid = new Grid<>(InboxItem.class, false);
    private final Select<Filter> filter = new Select<>();
    private final Div editor = new Div();
    private final TextField to = new TextField("To");
    private final TextField cc = new TextField("Cc");
    private final TextField subject = new TextField("Subject");
    private final TextArea body = new TextArea("Message");
    private final DateTimePicker sendAt = new DateTimePicker("Send at (empty: now)");
    private final TextField reason = new TextField("Reason to reject");
    private final Select<String> sequence = new Select<>();
    private final Paragraph error = new Paragraph();
    private final Button approve = new Button("Approve and send");
    private final Button reject = new Button("Reject");
    private InboxItem open;

    public InboxView(EmailInbox inbox, Sequences sequences, CurrentCaller currentCaller) {
        this.inbox = inbox;
        this.caller = currentCaller.require();
        sequence.setLabel("Then, until they reply");
        sequence.setId("draft-sequence");
        sequence.setEmptySelectionAllowed(true);
        sequence.setEmptySelectionCaption("no sequence");
        sequence.setItems(sequences.templates(caller).stream().map(r -> r.template().key()).toList());
        java.util.Map<String, String> names = sequences.templates(caller).stream()
                .collect(java.util.stream.Collectors.toMap(r -> r.template().key(), r -> r.template().name()));
        sequence.setItemLabelGenerator(key -> key == null ? "no sequence" : "continue with " + names.getOrDefault(key, key));
        setSizeFull();
        add(new H2("Follow-ups"));
        Paragraph help = new Paragraph("Drafted e-mails wait here for you. Nothing reaches a customer until you approve it. "
                + "Ctrl+Enter approves the open draft.");
        help.getStyle().set("color", "var(--lumo-secondary-text-color)").set("margin-top", "0");
        add(help);

        filter.setId("inbox-filter");
        filter.setItems(Filter.values());
        filter.setItemLabelGenerator(f -> f.label);
        filter.setValue(Filter.WAITING);
        filter.addValueChangeListener(e -> refresh());
        Button approveSelected = new Button("Approve selected", e -> approveSelected());
        approveSelected.setId("approve-selected");
        TextField bulkReason = new TextField();
        bulkReason.setPlaceholder("Reason to reject the selected");
        bulkReason.setId("bulk-reason");
        Button rejectSelected = new Button("Reject selected", e -> rejectSelected(bulkReason.getValue()));
        rejectSelected.setId("reject-selected");
        rejectSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout toolbar = new HorizontalLayout(filter, approveSelected, bulkReason, rejectSelected);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(toolbar);

        grid.setId("inbox-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(InboxItem::meetingTitle).setHeader("Meeting").setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(item -> String.join(", ", item.to().isEmpty() ? item.namedRecipients() : item.to()))
                .setHeader("To").setAutoWidth(true);
        grid.addColumn(InboxItem::subject).setHeader("Subject").setFlexGrow(2);
        grid.addComponentColumn(InboxView::statusOf).setHeader("Status").setAutoWidth(true);
        grid.addColumn(item -> item.ownerName() == null ? "" : item.ownerName()).setHeader("Rep").setAutoWidth(true);
        grid.addItemClickListener(e -> show(e.getItem()));

        editor.setId("draft-editor");
        editor.getStyle().set("padding", "0 var(--lumo-space-m)");
        buildEditor();

        SplitLayout split = new SplitLayout(grid, editor);
        split.setSizeFull();
        split.setSplitterPosition(50);
        add(split);
        setFlexGrow(1, split);
        approve.addClickShortcut(Key.ENTER, KeyModifier.CONTROL);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        refresh();
        // drafts being sent change state in the background: look again every few seconds while any is on its way
        event.getUI().setPollInterval(3000);
        event.getUI().addPollListener(e -> {
            if (grid.getListDataView().getItems().anyMatch(i -> i.status() == DraftStatus.APPROVED)) {
                refresh();
            }
            if (open != null && open.status() == DraftStatus.APPROVED) {
                InboxItem now = inbox.item(caller, open.id());
                if (now.version() != open.version()) {
                    show(now);
                }
            }
        });
    }

    private void buildEditor() {
        for (TextField field : List.of(to, cc, subject)) {
            field.setWidthFull();
        }
        to.setId("draft-to");
        to.setHelperText("Addresses separated by commas");
        cc.setId("draft-cc");
        subject.setId("draft-subject");
        body.setId("draft-body");
        body.setWidthFull();
        body.setMinHeight("14em");
        sendAt.setId("draft-send-at");
        reason.setId("draft-reason");
        reason.setWidthFull();
        error.setId("approval-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        approve.setId("approve");
        approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        approve.addClickListener(e -> approveOpen());
        reject.setId("reject");
        reject.addThemeVariants(ButtonVariant.LUMO_ERROR);
        reject.addClickListener(e -> rejectOpen());
        editor.add(new Paragraph("Open a draft from the list."));
    }

    private void show(InboxItem item) {
        open = item;
        editor.removeAll();
        error.setText("");
        H4 title = new H4(item.meetingTitle());
        RouterLink meeting = new RouterLink("Open the meeting", MeetingDetailView.class,
                new RouteParameters(MeetingDetailView.ID, item.meetingId().toString()));
        Span state = new Span(describe(item));
        state.setId("draft-state");
        state.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        editor.add(title, meeting, new Div(state));
        boolean waiting = item.waiting();
        to.setValue(String.join(", ", item.to()));
        if (item.to().isEmpty() && !item.namedRecipients().isEmpty()) {
            to.setPlaceholder("Addresses for " + String.join(", ", item.namedRecipients()));
        }
        cc.setValue(String.join(", ", item.cc()));
        subject.setValue(item.subject() == null ? "" : item.subject());
        body.setValue(item.body());
        sendAt.clear();
        reason.clear();
        sequence.clear();
        for (var field : List.of(to, cc, subject)) {
            field.setReadOnly(!waiting);
        }
        body.setReadOnly(!waiting);
        editor.add(to, cc, subject, body);
        if (!item.grounding().isEmpty()) {
            Span heading = new Span("Facts it states, from the call:");
            heading.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            UnorderedList facts = new UnorderedList();
            facts.setId("draft-facts");
            item.grounding().forEach(g -> facts.add(new ListItem(Formats.label(g.field()) + ": " + g.value()
                    + (g.quote() == null ? "" : " — “" + g.quote() + "”"))));
            editor.add(heading, facts);
        }
        if (waiting) {
            HorizontalLayout actions = new HorizontalLayout(approve, sendAt);
            if (item.enrollmentId() == null) {
                actions.add(sequence);
            }
            actions.setAlignItems(FlexComponent.Alignment.BASELINE);
            HorizontalLayout rejecting = new HorizontalLayout(reason, reject);
            rejecting.setWidthFull();
            rejecting.setAlignItems(FlexComponent.Alignment.BASELINE);
            editor.add(actions, rejecting);
        }
        editor.add(error);
    }

    private void approveOpen() {
        if (open == null || !open.waiting()) {
            return;
        }
        ZoneId zone = BrowserZone.of(UI.getCurrent());
        try {
            InboxItem approved = inbox.approve(caller, open.id(), new Approval(addresses(to.getValue()),
                    addresses(cc.getValue()), subject.getValue(), body.getValue(),
                    sendAt.getValue() == null ? null : sendAt.getValue().atZone(zone).toInstant(), open.version(),
                    sequence.getValue()));
            notify(sendAt.getValue() == null ? "Approved: sending now" : "Approved: it goes out at the time you set");
            refresh();
            show(approved);
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
        }
    }

    private void rejectOpen() {
        if (open == null || !open.waiting()) {
            return;
        }
        try {
            InboxItem rejected = inbox.reject(caller, open.id(), reason.getValue());
            notify("Rejected");
            refresh();
            show(rejected);
        } catch (RuntimeException e) {
            error.setText(e.getMessage());
        }
    }

    private void approveSelected() {
        Set<InboxItem> selected = grid.getSelectedItems();
        Map<UUID, String> refused = inbox.approveAll(caller, selected.stream().map(InboxItem::id).toList());
        report("approved", selected.size(), refused);
    }

    private void rejectSelected(String why) {
        Set<InboxItem> selected = grid.getSelectedItems();
        try {
            Map<UUID, String> refused = inbox.rejectAll(caller, selected.stream().map(InboxItem::id).toList(), why);
            report("rejected", selected.size(), refused);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void report(String done, int asked, Map<UUID, String> refused) {
        if (refused.isEmpty()) {
            notify((asked == 1 ? "1 draft " : asked + " drafts ") + done);
        } else {
            Notification.show((asked - refused.size()) + " " + done + "; not " + done + ": "
                            + String.join("; ", refused.values()), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_WARNING);
        }
        grid.deselectAll();
        refresh();
    }

    private void refresh() {
        Filter current = filter.getValue() == null ? Filter.WAITING : filter.getValue();
        List<InboxItem> items = inbox.inbox(caller, current.statuses);
        grid.setItems(items);
        if (open != null) {
            items.stream().filter(i -> i.id().equals(open.id())).findFirst()
                    .filter(i -> i.version() != open.version())
                    .ifPresent(this::show);
        }
    }

    private String describe(InboxItem item) {
        ZoneId zone = BrowserZone.of(UI.getCurrent());
        StringBuilder text = new StringBuilder(statusLabel(item.status()));
        text.append(" · drafted by ").append(item.draftedBy());
        if (item.waiting() && item.expiresAt() != null) {
            text.append(" · expires ").append(Formats.dateTime(item.expiresAt(), zone));
        }
        if (item.remindedAt() != null && item.waiting()) {
            text.append(" · reminder sent");
        }
        if (item.decidedBy() != null) {
            text.append(" · decided by ").append(item.decidedBy());
        }
        if (item.decisionNote() != null) {
            text.append(" — “").append(item.decisionNote()).append("”");
        }
        if (item.status() == DraftStatus.APPROVED && item.sendAt() != null) {
            text.append(" · sends ").append(Formats.dateTime(item.sendAt(), zone));
        }
        if (item.deliveryNote() != null) {
            text.append(" · ").append(item.deliveryNote());
        }
        return text.toString();
    }

    private static Span statusOf(InboxItem item) {
        Span badge = new Span(statusLabel(item.status()) + (item.waiting() && item.remindedAt() != null ? " · reminded" : ""));
        badge.addClassName("draft-status");
        badge.getElement().setAttribute("data-status", item.status().name());
        badge.getStyle().set("font-size", "var(--lumo-font-size-s)").set("font-weight", "500").set("color", switch (item.status()) {
            case SENT -> "var(--lumo-success-text-color)";
            case FAILED, SUPPRESSED, EXPIRED, REJECTED -> "var(--lumo-error-text-color)";
            case APPROVED, DRAFT -> "var(--lumo-primary-text-color)";
        });
        return badge;
    }

    private static String statusLabel(DraftStatus status) {
        return switch (status) {
            case DRAFT -> "Waiting for approval";
            case APPROVED -> "Approved";
            default -> status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT);
        };
    }

    private static List<String> addresses(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("[,;]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static void notify(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
