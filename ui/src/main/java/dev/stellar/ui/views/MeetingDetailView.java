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
import com.vaadin.flow.data.renderer.LitRenderer;
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
import com.vaadin.flow.component.progressbar.ProgressBarVariant;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import dev.stellar.workers.crm.CrmReview;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.MeetingChangeFeed;
import dev.stellar.workers.meeting.MeetingDetail;
import dev.stellar.workers.meeting.MeetingDetail.Insight;
import dev.stellar.workers.meeting.MeetingDetail.UtteranceView;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workflows.meeting.MeetingProgress;
import dev.stellar.workflows.meeting.MeetingStatus;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private final Div coaching = new Div();
    private final Div drafts = new Div();
    private final Div crm = new Div();
    private final CrmReview crmReview;
    private final Div header = new Div();
    private UUID meetingId;
    private List<UtteranceView> utterances = List.of();
    private Insight shownEvidence;
    private MeetingChangeFeed.Subscription subscription;

    public MeetingDetailView(MeetingService meetings, CrmReview crmReview, CurrentCaller currentCaller) {
        this.meetings = meetings;
        this.crmReview = crmReview;
        this.caller = currentCaller.require();
        setSizeFull();

        transcript.setId("transcript");
        transcript.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        transcript.addColumn(u -> Formats.clock(u.startMs())).setHeader("Time").setFlexGrow(0).setWidth("6em");
        transcript.addColumn(UtteranceView::speaker).setHeader("Speaker").setFlexGrow(0).setWidth("11em");
        // the evidence a person jumped to is marked inside its utterance; Lit escapes the text
        transcript.addColumn(LitRenderer.<UtteranceView>of("${item.before}<mark>${item.quote}</mark>${item.after}")
                .withProperty("before", u -> highlighted(u)[0])
                .withProperty("quote", u -> highlighted(u)[1])
                .withProperty("after", u -> highlighted(u)[2])).setHeader("Said").setFlexGrow(1);
        transcript.setSizeFull();

        fields.setId("fields");
        fields.setPadding(false);
        TabSheet analysis = new TabSheet();
        analysis.add("Fields", fields);
        analysis.add("Conversation", conversation);
        analysis.add("Coaching", coaching);
        analysis.add("Drafts", drafts);
        Tab crmTab = analysis.add("CRM", crm);
        crmTab.setId("crm-tab");
        analysis.addSelectedChangeListener(e -> { // the sync proposes after the results are stored: look again
            if (e.getSelectedTab() == crmTab && crm.getComponentCount() > 0 && crm.getComponentAt(0) instanceof CrmPanel panel) {
                panel.refresh();
            }
        });
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
        shownEvidence = null;
        if (isAttached()) {
            refresh(); // navigated from one meeting to another: the subscription stays, the content changes
        }
    }

    private void refresh() {
        Optional<MeetingDetail> detail = meetingId == null ? Optional.empty() : meetings.detail(caller, meetingId);
        header.removeAll();
        fields.removeAll();
        conversation.removeAll();
        coaching.removeAll();
        drafts.removeAll();
        crm.removeAll();
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
            Paragraph reason = new Paragraph((m.status() == MeetingStatus.FAILED ? "Failed: " : "") + m.statusReason());
            reason.setId("status-reason");
            reason.getStyle().set("color", "var(--lumo-error-text-color)");
            header.add(reason);
        }
        if (!m.status().isFinal()) {
            meetings.progress(caller, meetingId).ifPresent(this::showProgress);
        }
        utterances = detail.get().utterances();
        transcript.setItems(utterances);
        showFields(detail.get(), m);
        conversation.add(new MetricsPanel(detail.get().metrics()));
        coaching.add(new CoachingPanel(detail.get().scorecard(), this::showUtterance));
        drafts.add(new DraftsPanel(detail.get().drafts()));
        crm.add(new CrmPanel(crmReview, caller, meetingId, this::showMoment));
    }

    /** The utterance being said at that moment of the call. */
    private void showMoment(long millis) {
        utterances.stream().filter(u -> u.startMs() != null && u.startMs() <= millis)
                .reduce((first, second) -> second)
                .ifPresent(u -> showUtterance(u.seq()));
    }

    private void showProgress(MeetingProgress progress) {
        ProgressBar bar = new ProgressBar(0, 100, progress.percent());
        bar.setWidth("20em");
        String steps = String.join(" → ", progress.steps().stream()
                .map(s -> s.step().label() + " (" + s.state().name().toLowerCase() + ")").toList());
        header.add(bar, new Span(steps));
    }

    /** Every field of the meeting's schema in its order; those the call does not support say so instead of guessing. */
    private void showFields(MeetingDetail detail, MeetingSummary m) {
        FieldSchema schema = detail.schema().schema();
        Span schemaName = new Span("Schema: " + schema.name()
                + (detail.schema().builtIn() ? "" : " (version " + detail.schema().version() + ")"));
        schemaName.setId("schema-name");
        if (detail.extractedBy() != null) {
            schemaName.setText(schemaName.getText() + " · extracted by " + detail.extractedBy());
        }
        schemaName.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        fields.add(schemaName);
        if (detail.extractionNotice() != null) {
            Paragraph notice = new Paragraph("⚠ " + detail.extractionNotice());
            notice.setId("extraction-notice");
            notice.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))");
            fields.add(notice);
        }
        if (!m.status().isFinal() && detail.insights().isEmpty()) {
            fields.add(new Paragraph("Extracting…"));
            return;
        }
        Map<String, Insight> byKey = new LinkedHashMap<>();
        detail.insights().forEach(insight -> byKey.put(insight.key(), insight));
        for (FieldDefinition field : schema.fields()) {
            Insight insight = byKey.remove(field.key());
            fields.add(insight == null ? emptyCard(field) : fieldCard(field.label(), insight));
        }
        byKey.values().forEach(insight -> fields.add(fieldCard(Formats.label(insight.key()), insight))); // from an older schema
    }

    private static Div emptyCard(FieldDefinition field) {
        Div card = card("field-" + field.key());
        card.addClassName("field-empty");
        Span label = fieldLabel(field.label());
        Span none = new Span("not found in the call");
        none.getStyle().set("color", "var(--lumo-tertiary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        card.add(new Div(label), none);
        return card;
    }

    private static Div card(String id) {
        Div card = new Div();
        card.setId(id);
        card.addClassName("field");
        card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)")
                .set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("width", "100%").set("box-sizing", "border-box");
        return card;
    }

    private static Span fieldLabel(String text) {
        Span label = new Span(text);
        label.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        return label;
    }

    private Div fieldCard(String labelText, Insight insight) {
        Div card = card("field-" + insight.key());
        ProgressBar bar = new ProgressBar(0, 1, insight.confidence());
        bar.addClassName("field-confidence");
        bar.setWidth("4em");
        bar.getStyle().set("display", "inline-block").set("margin", "0 var(--lumo-space-s)");
        if (insight.confidence() < 0.6) {
            bar.addThemeVariants(ProgressBarVariant.LUMO_CONTRAST);
        }
        Span confidence = new Span(Formats.percent(insight.confidence()) + " confident");
        confidence.getStyle().set("font-size", "var(--lumo-font-size-xs)").set("color", "var(--lumo-tertiary-text-color)");
        Div heading = new Div(fieldLabel(labelText), bar, confidence);
        heading.getStyle().set("display", "flex").set("align-items", "center");
        card.add(heading, valueOf(insight));
        if (insight.note() != null) {
            Span note = new Span("⚠ " + insight.note());
            note.addClassName("field-note");
            note.getStyle().set("color", "var(--lumo-warning-text-color, var(--lumo-error-text-color))")
                    .set("font-size", "var(--lumo-font-size-s)");
            card.add(new Div(note));
        }

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
                shownEvidence = insight;
                transcript.getDataProvider().refreshAll();
                transcript.scrollToIndex(i);
                transcript.select(u);
                return;
            }
        }
    }

    private void showUtterance(int seq) {
        shownEvidence = null;
        transcript.getDataProvider().refreshAll();
        for (int i = 0; i < utterances.size(); i++) {
            if (utterances.get(i).seq() == seq) {
                transcript.scrollToIndex(i);
                transcript.select(utterances.get(i));
                return;
            }
        }
    }

    /** The utterance's text as [before, quote, after], the quote being the evidence last jumped to, if it is in here. */
    private String[] highlighted(UtteranceView u) {
        Insight evidence = shownEvidence;
        if (evidence != null && evidence.evidenceQuote() != null && evidence.evidenceSeq() != null
                && evidence.evidenceSeq() == u.seq()) {
            int at = u.text().indexOf(evidence.evidenceQuote());
            if (at >= 0) {
                int end = at + evidence.evidenceQuote().length();
                return new String[] {u.text().substring(0, at), evidence.evidenceQuote(), u.text().substring(end)};
            }
        }
        return new String[] {u.text(), "", ""};
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
