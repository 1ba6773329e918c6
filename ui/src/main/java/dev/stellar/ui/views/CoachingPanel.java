package dev.stellar.ui.views;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.coaching.CallScore.CriterionResult;
import java.util.function.Consumer;

/** The coaching agent's scorecard: each criterion met or missed with its evidence, strengths, improvements. */
class CoachingPanel extends Div {

    /** @param jumpTo shows an utterance of the transcript by its sequence number */
    CoachingPanel(CallScore score, Consumer<Integer> jumpTo) {
        setId("coaching");
        if (score == null) {
            add(new Paragraph("Not scored yet."));
            return;
        }
        Span total = new Span(score.scorecardName() + ": " + score.met() + " of " + score.criteria().size()
                + " criteria met (" + Formats.percent(score.score()) + ") · scored by " + score.scoredBy());
        total.setId("coaching-score");
        total.getStyle().set("font-weight", "600");
        add(total);

        UnorderedList criteria = new UnorderedList();
        criteria.getStyle().set("list-style", "none").set("padding-left", "0");
        for (CriterionResult result : score.criteria()) {
            ListItem item = new ListItem();
            item.addClassName("criterion");
            item.getElement().setAttribute("data-met", String.valueOf(result.met()));
            Span mark = new Span(result.met() ? "✓ " : "✗ ");
            mark.getStyle().set("color", result.met() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
            item.add(mark, new Span(result.label()));
            if (result.measured() != null) {
                item.add(new Span(" · " + result.measured()));
            }
            if (result.evidenceQuote() != null) {
                Span quote = new Span(" “" + result.evidenceQuote() + "” ");
                quote.getStyle().set("font-style", "italic").set("font-size", "var(--lumo-font-size-s)");
                item.add(quote);
                if (result.evidenceSeq() != null) {
                    Button at = new Button(result.evidenceStartMs() == null ? "show" : Formats.clock(result.evidenceStartMs()),
                            e -> jumpTo.accept(result.evidenceSeq()));
                    at.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
                    item.add(at);
                }
            }
            criteria.add(item);
        }
        add(criteria);

        if (!score.strengths().isEmpty()) {
            add(new H4("What went well"));
            UnorderedList strengths = new UnorderedList();
            score.strengths().forEach(s -> strengths.add(new ListItem(s)));
            add(strengths);
        }
        if (!score.improvements().isEmpty()) {
            add(new H4("To do differently"));
            UnorderedList improvements = new UnorderedList();
            improvements.setId("coaching-improvements");
            score.improvements().forEach(i -> improvements.add(new ListItem(i.tip())));
            add(improvements);
        }
    }
}
