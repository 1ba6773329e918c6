package dev.stellar.ui.views;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.MeetingChangeFeed;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import jakarta.annotation.security.PermitAll;

/** The organisation's meetings, newest first, refreshed by server push as they are processed. */
@Route(value = "", layout = MainLayout.class)
@RouteAlias(value = "meetings", layout = MainLayout.class)
@PageTitle("Meetings · Stellar")
@PermitAll
public class MeetingsView extends VerticalLayout {

    private final MeetingService meetings;
    private final Caller caller;
    private final Grid<MeetingSummary> grid = new Grid<>(MeetingSummary.class, false);
    private MeetingChangeFeed.Subscription subscription;

    public MeetingsView(MeetingService meetings, CurrentCaller currentCaller) {
        this.meetings = meetings;
        this.caller = currentCaller.require();
        setSizeFull();

        Button upload = new Button("Upload transcript", VaadinIcon.UPLOAD.create(),
                e -> UI.getCurrent().navigate(UploadView.class));
        upload.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout header = new HorizontalLayout(new H2("Meetings"), upload);
        header.setWidthFull();
        header.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        header.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.setId("meetings-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(MeetingSummary::title).setHeader("Meeting").setFlexGrow(3);
        grid.addComponentColumn(m -> new StatusBadge(m.status())).setHeader("Status").setFlexGrow(1);
        grid.addColumn(MeetingSummary::ownerName).setHeader("Owner").setFlexGrow(1);
        grid.addColumn(MeetingSummary::participantCount).setHeader("Speakers").setFlexGrow(0).setAutoWidth(true);
        grid.addColumn(m -> Formats.clock(m.durationMs())).setHeader("Length").setFlexGrow(0).setAutoWidth(true);
        grid.addColumn(m -> Formats.dateTime(m.startedAt() != null ? m.startedAt() : m.createdAt(),
                BrowserZone.of(UI.getCurrent()))).setHeader("When")
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(
                query -> meetings.list(caller, query.getPage(), query.getPageSize()).items().stream(),
                query -> (int) meetings.count(caller));
        grid.addItemClickListener(e -> UI.getCurrent().navigate(MeetingDetailView.class,
                new RouteParameters(MeetingDetailView.ID, e.getItem().id().toString())));
        grid.setSizeFull();
        add(header, grid);
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = meetings.onChange(caller, change -> ui.access(() -> grid.getDataProvider().refreshAll()));
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
        }
    }
}
