package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.playbooks.sequence.SequenceMessages;
import dev.stellar.playbooks.sequence.SequenceTemplateException;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.Enrollment;
import dev.stellar.workers.email.SequenceTemplateStore.Resolved;
import dev.stellar.workers.email.Sequences;
import dev.stellar.workers.email.Sequences.EnrollmentDetail;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Follow-up sequences: who is in which, where each stands, and its history (pause, resume or stop one); OPS, MANAGER and
 * ADMIN also edit the templates as YAML, refused with the line or step and field when broken.
 */
@Route(value = "sequences", layout = MainLayout.class)
@PageTitle("Sequences · Stellar")
@PermitAll
public class SequencesView extends VerticalLayout {

    private final Sequences sequences;
    private final Caller caller;
    private final Grid<Enrollment> enrollments = new Grid<>(Enrollment.class, false);
    private final Pre history = new Pre();
    private final TextField contact = new TextField();
    private Enrollment selected;

    public SequencesView(Sequences sequences, CurrentCaller currentCaller) {
        this.sequences = sequences;
        this.caller = currentCaller.require();
        setSizeFull();
        add(new H2("Sequences"));
        TabSheet tabs = new TabSheet();
        tabs.setSizeFull();
        tabs.add("Contacts in sequences", enrollmentsTab());
        if (Sequences.EDITORS.contains(caller.role())) {
            tabs.add("Templates", templatesTab());
        }
        add(tabs);
        setFlexGrow(1, tabs);
    }

    private VerticalLayout enrollmentsTab() {
        ZoneId zone = BrowserZone.of(UI.getCurrent());
        enrollments.setId("enrollments");
        enrollments.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        enrollments.addColumn(e -> e.contactName() == null ? e.contactEmail() : e.contactName() + " <" + e.contactEmail() + ">")
                .setHeader("Contact").setAutoWidth(true).setFlexGrow(1);
        enrollments.addColumn(Enrollment::templateKey).setHeader("Sequence").setAutoWidth(true);
        enrollments.addColumn(e -> e.meetingTitle() == null ? "" : e.meetingTitle()).setHeader("Meeting").setAutoWidth(true);
        enrollments.addColumn(e -> statusOf(e)).setHeader("Status").setAutoWidth(true);
        enrollments.addColumn(Enrollment::stepsSent).setHeader("Steps sent").setAutoWidth(true);
        enrollments.addColumn(e -> e.running() && e.nextStepAt() != null ? Formats.dateTime(e.nextStepAt(), zone) : "")
                .setHeader("Next step").setAutoWidth(true);
        enrollments.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        contact.setPlaceholder("Filter by contact address");
        contact.setId("enrollment-contact");
        contact.addValueChangeListener(e -> refresh());
        history.setId("enrollment-history");
        history.getStyle().set("white-space", "pre-wrap").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)").set("min-height", "4em");
        BiFunction<String, Runnable, Button> action = (label, run) -> {
            Button button = new Button(label, e -> run.run());
            button.setId("enrollment-" + label.toLowerCase(Locale.ROOT));
            return button;
        };
        Button stop = action.apply("Stop", () -> act(sequences::stop));
        stop.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout actions = new HorizontalLayout(action.apply("Pause", () -> act(sequences::pause)),
                action.apply("Resume", () -> act(sequences::resume)), stop);
        VerticalLayout layout = new VerticalLayout(contact, enrollments, actions, history);
        layout.setSizeFull();
        refresh();
        return layout;
    }

    private VerticalLayout templatesTab() {
        Grid<Resolved> templates = new Grid<>(Resolved.class, false);
        templates.setId("sequence-templates");
        templates.addThemeVariants(GridVariant.LUMO_COMPACT);
        templates.addColumn(r -> r.template().name()).setHeader("Sequence").setFlexGrow(1);
        templates.addColumn(r -> r.template().key()).setHeader("Key").setAutoWidth(true);
        templates.addColumn(r -> r.template().steps().size()).setHeader("Steps").setAutoWidth(true);
        templates.addColumn(r -> r.version() == null ? "as shipped" : "v" + r.version()).setHeader("Version").setAutoWidth(true);
        TextArea document = new TextArea("Sequence (YAML)");
        document.setId("sequence-document");
        document.setWidthFull();
        document.setHeight("28em");
        document.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        document.setHelperText("Variables: " + SequenceMessages.VARIABLES.stream().sorted().collect(Collectors.joining(", "))
                + ". Optional parts: {{#fields.key}}...{{/fields.key}}.");
        Paragraph error = new Paragraph();
        error.setId("sequence-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        templates.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                document.setValue(sequences.export(caller, e.getValue().template().key()));
                error.setText("");
            }
        });
        Button save = new Button("Save as new version", e -> {
            try {
                Resolved saved = sequences.save(caller, document.getValue());
                error.setText("");
                templates.setItems(sequences.templates(caller));
                Notification.show("Saved " + saved.template().name() + " as version " + saved.version())
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (SequenceTemplateException ex) {
                error.setText("Not saved: " + ex.getMessage());
            }
        });
        save.setId("sequence-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        templates.setItems(sequences.templates(caller));
        VerticalLayout editor = new VerticalLayout(document, error, save);
        editor.setPadding(false);
        SplitLayout split = new SplitLayout(templates, editor);
        split.setSplitterPosition(40);
        split.setSizeFull();
        VerticalLayout layout = new VerticalLayout(split);
        layout.setSizeFull();
        return layout;
    }

    private void act(BiFunction<Caller, java.util.UUID, EnrollmentDetail> change) {
        if (selected == null) {
            Notification.show("Select a contact first");
            return;
        }
        EnrollmentDetail detail = change.apply(caller, selected.id());
        refresh();
        show(detail.enrollment());
    }

    private void show(Enrollment enrollment) {
        selected = enrollment;
        if (enrollment == null) {
            history.setText("");
            return;
        }
        ZoneId zone = BrowserZone.of(UI.getCurrent());
        EnrollmentDetail detail = sequences.enrollment(caller, enrollment.id());
        history.setText(detail.history().stream()
                .map(e -> Formats.dateTime(e.at(), zone) + "  " + e.kind() + (e.detail() == null ? "" : "  " + e.detail()))
                .collect(Collectors.joining("\n")));
    }

    private void refresh() {
        enrollments.setItems(sequences.enrollments(caller, contact.getValue()));
    }

    private static String statusOf(Enrollment enrollment) {
        String status = enrollment.status().name().charAt(0) + enrollment.status().name().substring(1).toLowerCase(Locale.ROOT);
        return enrollment.stopReason() == null ? status
                : status + " (" + enrollment.stopReason().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
    }
}
