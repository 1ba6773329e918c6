package dev.stellar.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.playbooks.schema.FieldSchemaException;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.schema.ConcurrentSchemaChangeException;
import dev.stellar.workers.schema.FieldSchemaService;
import dev.stellar.workers.schema.ResolvedSchema;
import dev.stellar.workers.schema.SchemaSummary;
import jakarta.annotation.security.RolesAllowed;

/**
 * OPS and ADMIN edit the organisation's field schemas as YAML: the built-in ones (saving makes the organisation's own
 * version) and new ones. A broken document is refused with its line and field; nothing is half-saved.
 */
@Route(value = "schemas", layout = MainLayout.class)
@PageTitle("Field schemas · Stellar")
@RolesAllowed({"ADMIN", "OPS"})
public class SchemasView extends VerticalLayout {

    private static final String NEW_SCHEMA = """
            key: renewal-call
            name: Renewal call
            description: A customer success manager's renewal conversation.
            fields:
              - key: renewal_risk
                label: Renewal risk
                type: enum
                description: How likely the customer is to renew.
                values: [low, medium, high]
              - key: seats
                label: Seats
                type: number
                description: How many seats the customer wants at renewal.
              - key: renewal_date
                label: Renewal date
                type: date
                description: The day the contract renews.
            """;

    private final FieldSchemaService schemas;
    private final Caller caller;
    private final Grid<SchemaSummary> grid = new Grid<>(SchemaSummary.class, false);
    private final TextArea document = new TextArea("Schema (YAML)");
    private final Paragraph error = new Paragraph();

    public SchemasView(FieldSchemaService schemas, CurrentCaller currentCaller) {
        this.schemas = schemas;
        this.caller = currentCaller.require();
        setSizeFull();

        grid.setId("schemas");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(SchemaSummary::name).setHeader("Schema").setFlexGrow(1);
        grid.addColumn(SchemaSummary::key).setHeader("Key").setAutoWidth(true);
        grid.addColumn(SchemaSummary::fields).setHeader("Fields").setAutoWidth(true);
        grid.addColumn(s -> s.version() == null ? "as shipped" : "v" + s.version()).setHeader("Version").setAutoWidth(true);
        grid.addColumn(s -> s.defaultSchema() ? "default" : "").setHeader("").setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                open(e.getValue().key());
            }
        });

        document.setId("schema-document");
        document.setWidthFull();
        document.setHeight("28em");
        document.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)");
        document.setHelperText("Types: text, number, money, date, enum, boolean, list. Enums and lists may name their values.");

        error.setId("schema-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        Button save = new Button("Save as new version", e -> save());
        save.setId("schema-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button makeDefault = new Button("Make default", e -> makeDefault());
        makeDefault.setId("schema-default");
        Button create = new Button("New schema", e -> {
            grid.deselectAll();
            document.setValue(NEW_SCHEMA);
            error.setVisible(false);
        });

        VerticalLayout editor = new VerticalLayout(document, error, new HorizontalLayout(save, makeDefault, create));
        editor.setPadding(false);
        SplitLayout split = new SplitLayout(grid, editor);
        split.setSplitterPosition(45);
        split.setSizeFull();
        add(new H2("Field schemas"), new Paragraph("The CRM fields Stellar extracts from each call. Uploads and "
                + "connected platforms use the default unless they name another."), split);
        refresh();
    }

    private void refresh() {
        grid.setItems(schemas.list(caller));
    }

    private void open(String key) {
        document.setValue(schemas.export(caller, key));
        error.setVisible(false);
    }

    private void save() {
        try {
            ResolvedSchema saved = schemas.save(caller, document.getValue());
            error.setVisible(false);
            refresh();
            Notification.show("Saved " + saved.schema().name() + " as version " + saved.version())
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (FieldSchemaException | ConcurrentSchemaChangeException e) {
            error.setText("Not saved: " + e.getMessage());
            error.setVisible(true);
        }
    }

    private void makeDefault() {
        SchemaSummary selected = grid.asSingleSelect().getValue();
        if (selected == null) {
            Notification.show("Select a schema first");
            return;
        }
        schemas.setDefault(caller, selected.key());
        refresh();
        Notification.show(selected.name() + " is now the default");
    }
}
