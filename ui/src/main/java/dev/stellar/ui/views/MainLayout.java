package dev.stellar.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.spring.security.AuthenticationContext;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.email.MailboxService;
import dev.stellar.workers.schema.FieldSchemaService;
import jakarta.annotation.security.PermitAll;

@PermitAll
public class MainLayout extends AppLayout {

    public MainLayout(CurrentCaller currentCaller, AuthenticationContext authentication, MailboxService mailboxes) {
        Span brand = new Span("Stellar");
        brand.getStyle().set("font-size", "var(--lumo-font-size-xl)").set("font-weight", "600");

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        currentCaller.get().ifPresent(caller -> {
            Span who = new Span(caller.displayName() + " · " + caller.role());
            who.setId("current-user");
            who.getStyle().set("margin-left", "auto").set("color", "var(--lumo-secondary-text-color)");
            Button logout = new Button("Sign out", e -> authentication.logout());
            logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            header.add(who, logout);
        });
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.addItem(new SideNavItem("Meetings", MeetingsView.class, VaadinIcon.CALENDAR_USER.create()));
        nav.addItem(new SideNavItem("Follow-ups", InboxView.class, VaadinIcon.ENVELOPE_OPEN.create()));
        nav.addItem(new SideNavItem("Sequences", SequencesView.class, VaadinIcon.CONNECT.create()));
        nav.addItem(new SideNavItem("Upload transcript", UploadView.class, VaadinIcon.UPLOAD.create()));
        nav.addItem(new SideNavItem("Search calls", SearchView.class, VaadinIcon.SEARCH.create()));
        if (currentCaller.get().map(caller -> FieldSchemaService.EDITORS.contains(caller.role())).orElse(false)) {
            nav.addItem(new SideNavItem("Field schemas", SchemasView.class, VaadinIcon.LIST_UL.create()));
            nav.addItem(new SideNavItem("Connections", ConnectionsView.class, VaadinIcon.PLUG.create()));
            nav.addItem(new SideNavItem("Triggers", TriggersView.class, VaadinIcon.BOLT.create()));
        }
        nav.addItem(new SideNavItem("Mailbox", MailboxView.class, VaadinIcon.COG.create()));
        if (mailboxes.hasLocalSink()) {
            nav.addItem(new SideNavItem("Local mail sink (demo)", LocalMailSinkView.class, VaadinIcon.INBOX.create()));
        }
        addToDrawer(nav);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        BrowserZone.detect(event.getUI());
    }
}
