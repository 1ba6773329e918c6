package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.Connections.NewConnection;
import dev.stellar.workers.crm.CrmClients;
import dev.stellar.workers.crm.CrmPuller;
import dev.stellar.workers.crm.CrmSettings;
import dev.stellar.workers.crm.DealEvent;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * ADMIN and OPS connect meeting platforms and CRMs: each platform's webhook URL to paste into its app, each CRM's test
 * and field mapping, everyone's health (last event, last error) and the events received. Secrets are write-only.
 */
@Route(value = "connections", layout = MainLayout.class)
@PageTitle("Connections · Stellar")
@RolesAllowed({"ADMIN", "OPS"})
public class ConnectionsView extends VerticalLayout implements BeforeEnterObserver {

    private final Connections connections;
    private final CrmSettings crmSettings;
    private final Caller caller;
    private final Grid<Connection> grid = new Grid<>(Connection.class, false);
    private final Pre events = new Pre();
    private final Grid<DealEvent> dealEvents = new Grid<>();

    public ConnectionsView(Connections connections, CrmSettings crmSettings, CurrentCaller currentCaller) {
        this.connections = connections;
        this.crmSettings = crmSettings;
        this.caller = currentCaller.require();
        setSizeFull();
        add(new H2("Connections"), new Paragraph("Meeting platforms send their recordings here. Paste a connection's "
                + "webhook URL into the platform's app (Zoom: Event Subscriptions, events recording.completed and "
                + "recording.transcript_completed). CRMs receive the changes people approved on each meeting's CRM tab."));

        grid.setId("connections");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Connection::name).setHeader("Name").setAutoWidth(true);
        grid.addColumn(c -> c.type().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Service").setAutoWidth(true);
        grid.addColumn(c -> c.webhookUrl() == null ? "—" : c.webhookUrl()).setHeader("Webhook URL").setFlexGrow(1);
        grid.addColumn(c -> c.lastEventAt() == null ? "none yet"
                : Formats.dateTime(c.lastEventAt(), BrowserZone.of(UI.getCurrent())) + " · " + c.lastEvent())
                .setHeader("Last event").setAutoWidth(true);
        grid.addColumn(c -> c.lastError() == null ? "" : c.lastError()).setHeader("Last error").setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Button remove = new Button("Remove", e -> {
                connections.delete(caller, c.id());
                refresh();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
            HorizontalLayout actions = new HorizontalLayout();
            if (CrmClients.awaitsAuthorization(c)) {
                Button authorize = new Button("Authorize", e -> authorize(c));
                authorize.addClassName("crm-authorize");
                authorize.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                actions.add(authorize);
            } else if (CrmClients.CRMS.contains(c.type())) {
                Button test = new Button("Test", e -> test(c));
                test.addClassName("crm-test");
                test.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                Button mapping = new Button("Field mapping", e -> editMapping(c));
                mapping.addClassName("crm-mapping");
                mapping.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                Button pull = new Button("Pull changes", e -> pull(c));
                pull.addClassName("crm-pull");
                pull.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                actions.add(test, mapping, pull);
            }
            actions.add(remove);
            return actions;
        }).setAutoWidth(true);
        grid.asSingleSelect().addValueChangeListener(e -> showEvents(e.getValue()));
        events.setId("connection-events");
        events.getStyle().set("white-space", "pre-wrap").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-s)");
        dealEvents.setId("deal-events");
        dealEvents.addThemeVariants(GridVariant.LUMO_COMPACT);
        dealEvents.setAllRowsVisible(true);
        dealEvents.addColumn(e -> Formats.dateTime(e.occurredAt(), BrowserZone.of(UI.getCurrent()))).setHeader("When")
                .setAutoWidth(true);
        dealEvents.addColumn(e -> e.dealKey() == null ? e.crmId() : e.dealKey()).setHeader("Deal").setAutoWidth(true);
        dealEvents.addColumn(DealEvent::type).setHeader("Event").setAutoWidth(true);
        dealEvents.addColumn(e -> (e.oldValue() == null ? "—" : e.oldValue()) + " → " + e.newValue()).setHeader("Change")
                .setFlexGrow(1);
        add(grid, events, new H4("Deal changes made in the CRM"), dealEvents, zoomForm(), hubSpotForm(), salesforceForm());
        refresh();
    }

    private VerticalLayout zoomForm() {
        TextField name = new TextField("Name");
        name.setValue("Zoom");
        PasswordField secretToken = new PasswordField("Webhook secret token");
        secretToken.setId("zoom-secret-token");
        secretToken.setHelperText("Event Subscriptions → Secret Token; it signs every event");
        TextField accountId = new TextField("Account ID (optional)");
        TextField clientId = new TextField("Client ID (optional)");
        PasswordField clientSecret = new PasswordField("Client secret (optional)");
        clientSecret.setHelperText("A Server-to-Server OAuth app: downloads still work when an event's token expired");
        Paragraph error = new Paragraph();
        error.setId("connection-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button connect = new Button("Connect Zoom", e -> {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("accountId", accountId.getValue());
            settings.put("clientId", clientId.getValue());
            try {
                Connection created = connections.create(caller, new NewConnection("zoom", name.getValue(), settings,
                        Map.of("webhookSecretToken", secretToken.getValue(), "clientSecret", clientSecret.getValue())));
                error.setText("");
                secretToken.clear();
                clientSecret.clear();
                refresh();
                Notification.show("Connected. Paste " + created.webhookUrl() + " into Zoom", 8000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) {
                error.setText(ex.getMessage());
            }
        });
        connect.setId("zoom-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, secretToken, accountId, clientId, clientSecret);
        VerticalLayout layout = new VerticalLayout(new H4("Connect Zoom"), form, new HorizontalLayout(connect), error);
        layout.setPadding(false);
        return layout;
    }

    /** Off to the CRM for the app's consent; it comes back to {@code /oauth/crm/callback}, then here. */
    private void authorize(Connection connection) {
        UI.getCurrent().getPage().setLocation("/oauth/crm/" + connection.id() + "/start");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        if (query.containsKey("authorized")) {
            Notification.show(query.get("authorized").get(0) + " is authorized: Stellar keeps its refresh token, "
                    + "encrypted", 6000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else if (query.containsKey("error")) {
            Notification.show(query.get("error").get(0), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private VerticalLayout hubSpotForm() {
        PasswordField token = new PasswordField("Private app access token");
        token.setId("hubspot-token");
        token.setHelperText("HubSpot → Settings → Integrations → Private apps; scopes crm.objects.contacts, crm.objects.deals"
                + " and crm.schemas.deals (read and write)");
        token.setWidth("32em");
        Paragraph error = new Paragraph();
        error.setId("hubspot-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        TextField clientId = new TextField("or a public app's client ID");
        clientId.setId("hubspot-client-id");
        PasswordField clientSecret = new PasswordField("and its client secret");
        clientSecret.setId("hubspot-client-secret");
        clientSecret.setHelperText("Then authorize it in HubSpot; its redirect URL is this Stellar's /oauth/crm/callback");
        Button connect = new Button("Connect HubSpot", e -> {
            boolean app = token.isEmpty() && !clientId.isEmpty();
            connectCrm(app ? new NewConnection("hubspot", null, Map.of("clientId", clientId.getValue()),
                            Map.of("clientSecret", clientSecret.getValue()))
                            : new NewConnection("hubspot", null, Map.of(), Map.of("accessToken", token.getValue())),
                    app, error, token, clientSecret);
        });
        connect.setId("hubspot-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        VerticalLayout layout = new VerticalLayout(new H4("Connect HubSpot"), token,
                new FormLayout(clientId, clientSecret), new HorizontalLayout(connect), error);
        layout.setPadding(false);
        return layout;
    }

    private VerticalLayout salesforceForm() {
        TextField loginUrl = new TextField("Login URL");
        loginUrl.setValue("https://login.salesforce.com");
        loginUrl.setHelperText("https://test.salesforce.com for a sandbox, or the org's My Domain");
        loginUrl.setId("salesforce-login-url");
        TextField username = new TextField("Username");
        username.setId("salesforce-username");
        PasswordField password = new PasswordField("Password");
        password.setId("salesforce-password");
        PasswordField securityToken = new PasswordField("Security token");
        securityToken.setId("salesforce-security-token");
        securityToken.setHelperText("Not needed when the org trusts Stellar's address");
        Paragraph error = new Paragraph();
        error.setId("salesforce-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        TextField consumerKey = new TextField("or a connected app's consumer key");
        consumerKey.setId("salesforce-consumer-key");
        PasswordField consumerSecret = new PasswordField("and its consumer secret");
        consumerSecret.setId("salesforce-consumer-secret");
        consumerSecret.setHelperText("Then authorize it in Salesforce; its callback URL is this Stellar's /oauth/crm/callback");
        Button connect = new Button("Connect Salesforce", e -> {
            boolean app = password.isEmpty() && !consumerKey.isEmpty();
            connectCrm(app ? new NewConnection("salesforce", null, Map.of("loginUrl", loginUrl.getValue(),
                            "clientId", consumerKey.getValue()), Map.of("clientSecret", consumerSecret.getValue()))
                            : new NewConnection("salesforce", null,
                            Map.of("loginUrl", loginUrl.getValue(), "username", username.getValue()),
                            Map.of("password", password.getValue(), "securityToken", securityToken.getValue())),
                    app, error, password, securityToken, consumerSecret);
        });
        connect.setId("salesforce-connect");
        connect.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(loginUrl, username, password, securityToken, consumerKey, consumerSecret);
        Paragraph note = new Paragraph("Opportunities are upserted by an External ID field Stellar_Deal_Id__c (Text, "
                + "External ID, Unique): create it in Setup before the first sync.");
        VerticalLayout layout = new VerticalLayout(new H4("Connect Salesforce"), note, form, new HorizontalLayout(connect),
                error);
        layout.setPadding(false);
        return layout;
    }

    private void pull(Connection connection) {
        try {
            CrmPuller.Pulled pulled = crmSettings.pull(caller, connection.id());
            Notification.show(pulled.baseline() ? pulled.changed() + " deal(s) learnt; changes show from now on"
                    : pulled.changed() + " deal(s) changed, " + pulled.events() + " event(s)", 5000,
                    Notification.Position.BOTTOM_START);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /**
     * Creates a CRM connection, forgets the secrets typed, then either sends the person off to authorize the app or
     * tests the credentials; a refusal is shown under the form.
     */
    private void connectCrm(NewConnection request, boolean app, Paragraph error, PasswordField... secrets) {
        try {
            Connection created = connections.create(caller, request);
            error.setText("");
            for (PasswordField secret : secrets) {
                secret.clear();
            }
            refresh();
            if (app) {
                authorize(created);
            } else {
                test(created);
            }
        } catch (RuntimeException ex) {
            error.setText(ex.getMessage());
        }
    }

    private void test(Connection connection) {
        CrmSettings.TestResult result = crmSettings.test(caller, connection.id());
        Notification.show(result.detail(), 6000, Notification.Position.BOTTOM_START).addThemeVariants(
                result.ok() ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
        refresh();
    }

    /** The mapping as YAML: which extracted fields go to which properties, and when changes apply without review. */
    private void editMapping(Connection connection) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(connection.name() + ": field mapping");
        dialog.setWidth("60em");
        TextArea yaml = new TextArea();
        yaml.setId("crm-mapping-yaml");
        yaml.setWidthFull();
        yaml.setHeight("28em");
        yaml.getStyle().set("font-family", "monospace");
        yaml.setValue(crmSettings.mapping(caller, connection.id()));
        Paragraph error = new Paragraph();
        error.setId("crm-mapping-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", e -> {
            try {
                crmSettings.saveMapping(caller, connection.id(), yaml.getValue());
                dialog.close();
                Notification.show("Mapping saved; it applies to meetings analysed from now on", 4000,
                        Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException ex) {
                error.setText(ex.getMessage());
            }
        });
        save.setId("crm-mapping-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(yaml, error);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        dialog.open();
    }

    private void showEvents(Connection connection) {
        if (connection == null) {
            events.setText("");
            return;
        }
        ZoneId zone = BrowserZone.of(UI.getCurrent());
        events.setText(connections.events(caller, connection.id()).stream()
                .map(e -> Formats.dateTime(e.at(), zone) + "  " + e.kind() + (e.detail() == null ? "" : "  " + e.detail()))
                .collect(Collectors.joining("\n")));
    }

    private void refresh() {
        grid.setItems(connections.list(caller));
        dealEvents.setItems(crmSettings.dealEvents(caller, 50));
    }
}
