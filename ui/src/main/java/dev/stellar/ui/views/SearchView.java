package dev.stellar.ui.views;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingService.MomentHit;
import jakarta.annotation.security.PermitAll;
import java.util.List;

/** Search every call of the organisation by meaning ("pushback on price", "who signs off"), not by exact words. */
@Route(value = "search", layout = MainLayout.class)
@PageTitle("Search calls · Stellar")
@PermitAll
public class SearchView extends VerticalLayout {

    private final MeetingService meetings;
    private final Caller caller;
    private final Div results = new Div();

    public SearchView(MeetingService meetings, CurrentCaller currentCaller) {
        this.meetings = meetings;
        this.caller = currentCaller.require();
        TextField words = new TextField();
        words.setId("search-words");
        words.setPlaceholder("What was said? e.g. worried about the price");
        words.setWidth("32em");
        Button search = new Button("Search", e -> search(words.getValue()));
        search.setId("search-button");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        search.addClickShortcut(Key.ENTER);
        HorizontalLayout bar = new HorizontalLayout(words, search);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        results.setId("search-results");
        results.setWidthFull();
        add(new H2("Search calls"), new Paragraph("Finds the moments of your organisation's calls closest in meaning to "
                + "what you type, across every meeting."), bar, results);
    }

    private void search(String words) {
        results.removeAll();
        if (words == null || words.isBlank()) {
            return;
        }
        List<MomentHit> hits = meetings.searchMoments(caller, words, 10);
        if (hits.isEmpty()) {
            results.add(new Paragraph("Nothing close enough in your calls."));
        }
        for (MomentHit hit : hits) {
            Div card = new Div();
            card.addClassName("search-hit");
            card.getStyle().set("padding", "var(--lumo-space-s) var(--lumo-space-m)").set("margin-bottom", "var(--lumo-space-s)")
                    .set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "var(--lumo-border-radius-m)");
            RouterLink meeting = new RouterLink(hit.meetingTitle(), MeetingDetailView.class,
                    new RouteParameters(MeetingDetailView.ID, hit.meetingId().toString()));
            Span where = new Span(" · " + Formats.label(hit.phase()) + " · "
                    + (hit.startMs() == null ? "" : Formats.clock(hit.startMs()) + " · ")
                    + Formats.percent(hit.score()) + " match");
            where.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
            Div text = new Div();
            text.setText(hit.text());
            text.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
            card.add(new Div(meeting, where), text);
            results.add(card);
        }
    }
}
