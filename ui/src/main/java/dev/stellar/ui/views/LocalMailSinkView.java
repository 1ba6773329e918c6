package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.email.MailboxPoller;
import dev.stellar.workers.email.MailboxService;
import dev.stellar.workers.email.sink.LocalMailSink.SinkMessage;
import jakarta.annotation.security.PermitAll;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The embedded default's local mail sink: every message the organisation's mailboxes "sent", with its headers, exactly as
 * a recipient's server got it. Only where the sink runs; nothing shown here left the machine.
 */
@Route(value = "local-mail", layout = MainLayout.class)
@PageTitle("Local mail sink · Stellar")
@PermitAll
public class LocalMailSinkView extends VerticalLayout implements BeforeEnterObserver {

    private final MailboxService mailboxes;
    private final Caller caller;
    private final Grid<SinkMessage> grid = new Grid<>(SinkMessage.class, false);
    private final Pre detail = new Pre();
    private final Button reply = new Button("Reply as the recipient");
    private SinkMessage open;

    public LocalMailSinkView(MailboxService mailboxes, CurrentCaller currentCaller) {
        this.mailboxes = mailboxes;
        this.caller = currentCaller.require();
        setSizeFull();
        add(new H2("Local mail sink (demo)"));
        Paragraph label = new Paragraph("This Stellar runs on its embedded default: e-mail is delivered to an SMTP server "
                + "inside the application, not to the Internet. Here is what your organisation's mailboxes sent.");
        label.setId("sink-label");
        add(label);
        grid.setId("sink-messages");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(m -> m.receivedAt() == null ? "" : Formats.dateTime(m.receivedAt(), BrowserZone.of(UI.getCurrent())))
                .setHeader("Received").setAutoWidth(true);
        grid.addColumn(SinkMessage::from).setHeader("From").setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.to())).setHeader("To").setAutoWidth(true);
        grid.addColumn(SinkMessage::subject).setHeader("Subject").setFlexGrow(1);
        grid.setHeight("40%");
        grid.addItemClickListener(e -> {
            open = e.getItem();
            detail.setText(render(e.getItem()));
            reply.setEnabled(true);
            reply.setText("Reply as " + e.getItem().to().get(0));
        });
        reply.setId("sink-reply");
        reply.setEnabled(false);
        reply.addClickListener(e -> replyToOpen());
        detail.setId("sink-message");
        detail.getStyle().set("white-space", "pre-wrap").set("background", "var(--lumo-contrast-5pct)")
                .set("padding", "var(--lumo-space-m)").set("width", "100%").set("overflow", "auto");
        add(new HorizontalLayout(new Button("Refresh", e -> refresh()), reply), grid, detail);
        refresh();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (!mailboxes.hasLocalSink()) {
            event.forwardTo(MailboxView.class);
        }
    }

    /** The customer answers: their sequences stop before their next step. */
    private void replyToOpen() {
        if (open == null || open.to().isEmpty()) {
            return;
        }
        try {
            MailboxPoller.PollResult result = mailboxes.replyInLocalSink(caller, open, open.to().get(0));
            Notification.show(open.to().get(0) + " replied" + (result.replies() > 0
                    ? "; " + result.replies() + " sequence(s) stopped" : ""), 4000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    private void refresh() {
        grid.setItems(mailboxes.localSink(caller));
    }

    private static String render(SinkMessage message) {
        String headers = message.headers().entrySet().stream().map(Map.Entry::getKey)
                .map(name -> name + ": " + message.headers().get(name)).collect(Collectors.joining("\n"));
        return headers + "\n\n" + message.body();
    }
}
