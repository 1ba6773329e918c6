package dev.stellar.ui.views;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.MeetingChangeFeed;
import dev.stellar.workers.meeting.MeetingDetail;
import dev.stellar.workers.meeting.MeetingDetail.Insight;
import dev.stellar.workers.meeting.MeetingDetail.UtteranceView;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workflows.meeting.MeetingProgress;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One meeting: its transcript beside the extracted fields, each field with the quote it rests on. */
@Route(value = "meetings/:id", layout = MainLayout.class)
@PageTitle("Meeting · Stellar")
@PermitAll
public class MeetingDetailView extends VerticalLayout implements BeforeEnterObserver {

    static final String ID = "id";

    private final MeetingService meetings;
    private final Caller caller;
    private final Grid<UtteranceView> transcript = new Grid<>(UtteranceView.class, false);
    private final VerticalLayout fields = new VerticalLayout();
    private final Div conversation = new Div();
    private final Div header = new Div();
    private UUID meetingId;
    private List<UtteranceView> utterances = List.of();
    private MeetingChangeFeed.Subscription subscription;

    public MeetingDetailView(MeetingService meetings, CurrentCaller currentCaller) {
        this.meetings = meetings;
        this.caller = currentCaller.require();
        setSizeFull();

        transcript.setId("transcript");
        transcript.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        transcript.addColumn(u -> Formats.clock(u.startMs())).setHeader("Time").setFlexGrow(0).setWidth("6em");
        transcript.addColumn(UtteranceView::speaker).setHeader("Speaker").setFlexGrow(0).setWidth("11em");
        transcript.addColumn(UtteranceView::text).setHeader("Said").setFlexGrow(1);
        transcript.setSizeFull();

        fields.setId("fields");
        fields.setPadding(false);
        TabSheet analysis = new TabSheet();
        analysis.add("Fields", fields);
        analysis.add("Conversation", conversation);
        analysis.setSizeFull();

        SplitLayout split = new SplitLayout(transcript, analysis);
        split.setSplitterPosition(60);
        split.setSizeFull();
        add(header, split);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            meetingId = UUID.fromString(event.getRouteParameters().get(ID).orElse(""));
        } catch (IllegalArgumentException e) {
            meetingId = null;
        }
        if (isAttached()) {
            refresh(); // navigated from one meeting to another: the subscription stays, the content changes
        }
    }

    private void refresh() {
        Optional<MeetingDetail> detail = meetingId == null ? Optional.empty() : meetings.detail(caller, meetingId);
        header.removeAll();
        fields.removeAll();
        conversation.removeAll();
        if (detail.isEmpty()) {
            header.add(new H2("Meeting not found"));
            utterances = List.of();
            transcript.setItems(utterances);
            return;
        }
        MeetingSummary m = detail.get().meeting();
        HorizontalLayout title = new HorizontalLayout(new H2(m.title()), new StatusBadge(m.status()));
        title.setAlignItems(FlexComponent.Alignment.CENTER);
        title.setId("meeting-header");
        header.add(title);
        header.add(new Paragraph(String.join(" · ", List.of(
                "Owner: " + (m.ownerName() == null ? "—" : m.ownerName()),
                "When: " + Formats.dateTime(m.startedAt() != null ? m.startedAt() : m.createdAt(), BrowserZone.of(UI.getCurrent())),
                "Length: " + (m.durationMs() == null ? "—" : Formats.clock(m.durationMs())),
                "Speakers: " + m.participantCount()))));
        if (m.statusReason() != null) {
            Paragraph reason = new Paragraph("Failed: " + m.statusReason());
            reason.setId("status-reason");
            reason.getStyle().set("color", "var(--lumo-error-text-color)");
            header.add(reason);
        }
        if (!m.status().isFinal()) {
            meetings.progress(caller, meetingId).ifPresent(this::showProgress);
        }
        utterances = detail.get().utterances();
        transcript.setItems(utterances);
        detail.get().insights().forEach(insight -> fields.add(fieldCard(insight)));
        conversation.add(new MetricsPanel(detail.get().metrics()));
        if (detail.get().insights().isEmpty()) {
            fields.add(new Paragraph(m.status().isFinal() ? "No fields were extracted." : "Extracting…"));
        }
    }

    private void showProgress(MeetingProgress progress) {
        ProgressBar bar = new ProgressBar(0, 100, progress.percent());
        bar.setWidth("20em");
        String steps = String.join(" → ", progress.steps().stream()
                .map(s -> s.step().label() + " (" + s.state().name().toLowerCase() + ")").toList());
        header.add(bar, new Span(steps));
    }

    private Div fieldCard(Insight insight) {
        Div card = new Div();
        card.setId("field-" + insight.key());
        card.addClassName("field");
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("width", "100%").set("box-sizing", "border-box");

        Span label = new Span(Formats.label(insight.key()));
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Span confidence = new Span(Formats.percent(insight.confidence()) + " confident");
        confidence.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-tertiary-text-color)")
                .set("margin-left", "var(--lumo-space-s)");
        card.add(new Div(label, confidence), valueOf(insight));

        if (insight.evidenceQuote() != null) {
            Button at = new Button(insight.evidenceStartMs() == null ? "show in transcript" : Formats.clock(insight.evidenceStartMs()),
                    e -> showInTranscript(insight));
            at.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
            Span quote = new Span("“" + insight.evidenceQuote() + "” ");
            quote.addClassName("field-evidence");
            quote.getStyle().set("font-style", "italic").set("font-size", "var(--lumo-font-size-s)");
            card.add(new Div(quote, at));
        }
        return card;
    }

    /** Lists read as lists (next steps, objections); everything else as one line. */
    private static Component valueOf(Insight insight) {
        JsonNode value = insight.value();
        Component shown;
        if (value != null && value.isArray() && !value.isEmpty()) {
            UnorderedList list = new UnorderedList();
            value.forEach(item -> list.add(new ListItem(Formats.item(item))));
            list.getStyle().set("margin", "0").set("padding-left", "var(--lumo-space-l)");
            shown = list;
        } else {
            shown = new Div(Formats.value(value));
        }
        shown.addClassName("field-value");
        shown.getStyle().set("font-weight", "600");
        return shown;
    }

    private void showInTranscript(Insight insight) {
        for (int i = 0; i < utterances.size(); i++) {
            UtteranceView u = utterances.get(i);
            boolean same = insight.evidenceSeq() != null ? insight.evidenceSeq() == u.seq()
                    : insight.evidenceStartMs() != null && insight.evidenceStartMs().equals(u.startMs());
            if (same) {
                transcript.scrollToIndex(i);
                transcript.select(u);
                return;
            }
        }
    }

    @Override
    protected void onAttach(AttachEvent event) {
        UI ui = event.getUI();
        subscription = meetings.onChange(caller, change -> {
            if (change.concerns(meetingId)) {
                ui.access(this::refresh);
            }
        });
        refresh(); // after subscribing, so no change can fall between reading and listening
    }

    @Override
    protected void onDetach(DetachEvent event) {
        if (subscription != null) {
            subscription.close();
        }
    }
}
