package dev.stellar.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.connectors.mail.MailboxSettings.Auth;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.Mailbox;
import dev.stellar.workers.email.MailboxForm;
import dev.stellar.workers.email.MailboxService;
import dev.stellar.workers.email.MailboxService.ConnectionCheck;
import dev.stellar.workers.email.Suppressions.Suppression;
import jakarta.annotation.security.PermitAll;

/**
 * Where mail is sent from: everyone connects their own mailbox (SMTP to send, IMAP to find replies and file sent mail);
 * OPS and ADMIN also the organisation's shared one, used by people without their own. Secrets are write-only.
 */
@Route(value = "mailbox", layout = MainLayout.class)
@PageTitle("Mailbox · Stellar")
@PermitAll
public class MailboxView extends VerticalLayout {

    private final MailboxService mailboxes;
    private final Caller caller;

    public MailboxView(MailboxService mailboxes, CurrentCaller currentCaller) {
        this.mailboxes = mailboxes;
        this.caller = currentCaller.require();
        add(new H2("Mailbox"));
        if (mailboxes.hasLocalSink()) {
            Paragraph demo = new Paragraph("This Stellar runs on its embedded default: mailboxes of the demo team point at "
                    + "the local mail sink, and nothing leaves this machine (see Local mail sink).");
            demo.getStyle().set("color", "var(--lumo-secondary-text-color)");
            add(demo);
        }
        TabSheet tabs = new TabSheet();
        tabs.setWidthFull();
        tabs.add("My mailbox", new MailboxForm_(false));
        if (MailboxService.ORGANISATION_EDITORS.contains(caller.role())) {
            tabs.add("Organisation's mailbox", new MailboxForm_(true));
        }
        tabs.add("Do not contact", suppressions());
        add(tabs);
    }

    private VerticalLayout suppressions() {
        Grid<Suppression> grid = new Grid<>(Suppression.class, false);
        grid.setId("suppressions");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(Suppression::address).setHeader("Address").setAutoWidth(true);
        grid.addColumn(s -> s.reason().name().toLowerCase(java.util.Locale.ROOT)).setHeader("Why").setAutoWidth(true);
        grid.addColumn(s -> s.detail() == null ? "" : s.detail()).setHeader("Detail");
        grid.addColumn(s -> Formats.dateTime(s.since(), BrowserZone.of(com.vaadin.flow.component.UI.getCurrent())))
                .setHeader("Since").setAutoWidth(true);
        grid.setItems(mailboxes.suppressions(caller));
        VerticalLayout layout = new VerticalLayout(new Paragraph("Stellar never writes to these addresses again: they "
                + "unsubscribed, bounced, or were added here."), grid);
        if (MailboxService.ORGANISATION_EDITORS.contains(caller.role())) {
            TextField address = new TextField("Add an address");
            address.setId("suppress-address");
            Button add = new Button("Do not contact", e -> {
                try {
                    mailboxes.suppress(caller, address.getValue(), "added by " + caller.displayName());
                    address.clear();
                    grid.setItems(mailboxes.suppressions(caller));
                } catch (RuntimeException ex) {
                    address.setInvalid(true);
                    address.setErrorMessage(ex.getMessage());
                }
            });
            HorizontalLayout row = new HorizontalLayout(address, add);
            row.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.add(row);
        }
        return layout;
    }

    /** The form of one mailbox (the caller's own, or the organisation's). */
    private final class MailboxForm_ extends VerticalLayout {

        private final boolean organisation;
        private final TextField address = new TextField("Address");
        private final TextField displayName = new TextField("Name recipients see");
        private final TextField smtpHost = new TextField("SMTP host");
        private final IntegerField smtpPort = new IntegerField("SMTP port");
        private final Select<Security> smtpSecurity = new Select<>();
        private final TextField imapHost = new TextField("IMAP host (for replies and the Sent folder)");
        private final IntegerField imapPort = new IntegerField("IMAP port");
        private final Select<Security> imapSecurity = new Select<>();
        private final TextField username = new TextField("Login");
        private final PasswordField secret = new PasswordField("Password or access token");
        private final Select<Auth> auth = new Select<>();
        private final IntegerField dailyCap = new IntegerField("Most messages per day");
        private final IntegerField spacing = new IntegerField("Least seconds between messages");
        private final TextField timeZone = new TextField("Time zone of its day");
        private final Paragraph status = new Paragraph();

        MailboxForm_(boolean organisation) {
            this.organisation = organisation;
            String prefix = organisation ? "org-mailbox-" : "mailbox-";
            address.setId(prefix + "address");
            smtpHost.setId(prefix + "smtp-host");
            smtpPort.setId(prefix + "smtp-port");
            secret.setId(prefix + "secret");
            status.setId(prefix + "status");
            smtpSecurity.setLabel("SMTP security");
            smtpSecurity.setItems(Security.values());
            imapSecurity.setLabel("IMAP security");
            imapSecurity.setItems(Security.values());
            auth.setLabel("Sign-in");
            auth.setItems(Auth.values());
            auth.setItemLabelGenerator(a -> a == Auth.PASSWORD ? "Password" : "OAuth2 access token (XOAUTH2)");
            FormLayout form = new FormLayout(address, displayName, smtpHost, smtpPort, smtpSecurity, imapHost, imapPort,
                    imapSecurity, username, secret, auth, dailyCap, spacing, timeZone);
            form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 3));
            Button save = new Button("Save", e -> save());
            save.setId(prefix + "save");
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button test = new Button("Test connection", e -> test());
            test.setId(prefix + "test");
            add(form, new HorizontalLayout(save, test), status);
            mailboxes.find(caller, organisation).ifPresentOrElse(this::fill, () -> {
                smtpPort.setValue(587);
                smtpSecurity.setValue(Security.STARTTLS);
                imapPort.setValue(993);
                imapSecurity.setValue(Security.SSL);
                auth.setValue(Auth.PASSWORD);
                dailyCap.setValue(200);
                spacing.setValue(20);
                timeZone.setValue(BrowserZone.of(com.vaadin.flow.component.UI.getCurrent()).getId());
                status.setText("No mailbox connected yet.");
            });
        }

        private void fill(Mailbox box) {
            address.setValue(box.address());
            displayName.setValue(box.displayName() == null ? "" : box.displayName());
            smtpHost.setValue(box.smtpHost());
            smtpPort.setValue(box.smtpPort());
            smtpSecurity.setValue(box.smtpSecurity());
            imapHost.setValue(box.imapHost() == null ? "" : box.imapHost());
            imapPort.setValue(box.imapPort());
            imapSecurity.setValue(box.imapSecurity());
            username.setValue(box.username() == null ? "" : box.username());
            secret.setPlaceholder(box.hasSecret() ? "stored, encrypted; leave empty to keep" : "");
            auth.setValue(box.auth());
            dailyCap.setValue(box.dailyCap());
            spacing.setValue(box.minSpacingSeconds());
            timeZone.setValue(box.timeZone());
            status.setText("Connected as " + box.address() + ".");
        }

        private void save() {
            try {
                Mailbox saved = mailboxes.save(caller, organisation, new MailboxForm(address.getValue(),
                        displayName.getValue(), smtpHost.getValue(), smtpPort.getValue(), smtpSecurity.getValue(),
                        imapHost.getValue(), imapPort.getValue(), imapSecurity.getValue(), username.getValue(),
                        secret.getValue(), auth.getValue(), dailyCap.getValue(), spacing.getValue(), timeZone.getValue()));
                secret.clear();
                fill(saved);
                Notification.show("Mailbox saved", 3000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (RuntimeException e) {
                status.setText(e.getMessage());
                status.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        }

        private void test() {
            try {
                ConnectionCheck check = mailboxes.test(caller, organisation);
                status.setText(check.message());
                status.getStyle().set("color", check.ok() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            } catch (RuntimeException e) {
                status.setText(e.getMessage());
                status.getStyle().set("color", "var(--lumo-error-text-color)");
            }
        }
    }
}
