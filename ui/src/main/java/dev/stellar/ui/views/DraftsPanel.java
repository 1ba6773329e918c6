package dev.stellar.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.stellar.workers.drafts.Draft;
import java.util.List;
import java.util.Locale;

/** The drafted follow-up email and social post, each beside the facts it states and the words they rest on. */
class DraftsPanel extends Div {

    DraftsPanel(List<Draft> drafts) {
        setId("drafts");
        if (drafts.isEmpty()) {
            add(new Paragraph("No drafts yet."));
            return;
        }
        for (Draft draft : drafts) {
            Div card = new Div();
            card.setId("draft-" + draft.kind().name().toLowerCase(Locale.ROOT));
            card.getStyle().set("margin-bottom", "var(--lumo-space-l)");
            card.add(new H4(draft.kind() == Draft.Kind.EMAIL ? "Follow-up email" : "Social post"));
            Span by = new Span("drafted by " + draft.draftedBy() + (draft.kind() == Draft.Kind.EMAIL
                    ? " · approve, edit or reject it under Follow-ups; nothing is sent before" : " · for you to post"));
            by.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            card.add(by);
            if (!draft.recipients().isEmpty()) {
                card.add(new Paragraph("To: " + String.join(", ", draft.recipients())));
            }
            if (draft.subject() != null) {
                card.add(new Paragraph("Subject: " + draft.subject()));
            }
            Pre body = new Pre(draft.body());
            body.addClassName("draft-body");
            body.getStyle().set("white-space", "pre-wrap").set("font-family", "inherit")
                    .set("background", "var(--lumo-contrast-5pct)").set("padding", "var(--lumo-space-m)");
            card.add(body);
            if (!draft.grounding().isEmpty()) {
                Span heading = new Span("Facts it states, from the call:");
                heading.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
                UnorderedList facts = new UnorderedList();
                facts.addClassName("draft-grounding");
                draft.grounding().forEach(g -> facts.add(new ListItem(Formats.label(g.field()) + ": " + g.value()
                        + (g.quote() == null ? "" : " — “" + g.quote() + "”"))));
                card.add(heading, facts);
            }
            add(card);
        }
    }
}
