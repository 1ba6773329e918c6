package dev.stellar.ui.views;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.stellar.playbooks.benchmark.BestPractice;
import dev.stellar.playbooks.benchmark.ConversationBenchmarks;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.metrics.ConversationMetrics.Monologue;
import dev.stellar.workers.metrics.ConversationMetrics.SpeakerMetrics;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** A meeting's conversation metrics, each beside its best-practice range. */
class MetricsPanel extends VerticalLayout {

    MetricsPanel(ConversationMetrics metrics) {
        setPadding(false);
        setId("metrics");
        if (metrics == null) {
            add(new Paragraph("Not measured yet."));
            return;
        }
        Div talk = new Div();
        talk.setWidthFull();
        for (SpeakerMetrics s : metrics.speakers()) {
            ProgressBar bar = new ProgressBar(0, 1, s.talkRatio());
            Span label = new Span(s.speaker() + (s.rep() ? " (rep)" : "") + " · " + percent(s.talkRatio()));
            label.getStyle().set("font-size", "var(--lumo-font-size-s)");
            talk.add(label, bar);
        }
        add(section("Talk time"), talk, section("Against best practice"));

        row("Rep talk ratio", metrics.repTalkRatio(), ConversationBenchmarks.REP_TALK_RATIO, MetricsPanel::percent, MetricsPanel::percent);
        row("Longest rep monologue", seconds(metrics.longestRepMonologue()), ConversationBenchmarks.LONGEST_REP_MONOLOGUE_SECONDS,
                MetricsPanel::minutes, MetricsPanel::minutes);
        row("Longest customer story", seconds(metrics.longestCustomerStory()), ConversationBenchmarks.LONGEST_CUSTOMER_STORY_SECONDS,
                MetricsPanel::minutes, MetricsPanel::minutes);
        row("Questions asked by the rep", (double) metrics.repQuestions(), ConversationBenchmarks.REP_QUESTIONS,
                v -> String.valueOf((long) v), v -> String.valueOf((long) v));
        row("Speaker switches per minute", metrics.switchesPerMinute(), ConversationBenchmarks.SWITCHES_PER_MINUTE,
                v -> String.format(Locale.ENGLISH, "%.1f", v), v -> String.format(Locale.ENGLISH, "%.0f", v));
        row("Patience before replying", metrics.patienceMs() == null ? null : metrics.patienceMs() / 1000.0,
                ConversationBenchmarks.PATIENCE_SECONDS, v -> String.format(Locale.ENGLISH, "%.1f s", v),
                v -> String.format(Locale.ENGLISH, "%.1f s", v));
        row("Rep pace", metrics.repWordsPerMinute(), ConversationBenchmarks.REP_WORDS_PER_MINUTE,
                v -> String.format(Locale.ENGLISH, "%.0f words/min", v), v -> String.format(Locale.ENGLISH, "%.0f", v));
        row("Rep filler words", metrics.repFillersPer100Words(), ConversationBenchmarks.REP_FILLERS_PER_100_WORDS,
                v -> String.format(Locale.ENGLISH, "%.1f per 100 words", v), v -> String.format(Locale.ENGLISH, "%.0f", v));
        add(new Paragraph("Questions asked by the customer: " + metrics.customerQuestions()));
    }

    private void row(String label, Double value, BestPractice practice, DoubleFunction<String> format,
                     DoubleFunction<String> formatBound) {
        Div row = new Div();
        row.addClassName("metric");
        row.setWidthFull();
        row.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-m)")
                .set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        Span name = new Span(label);
        name.setTitle(practice.guidance());
        Span shown = new Span(value == null ? "—" : format.apply(value));
        shown.addClassName("metric-value");
        shown.getStyle().set("font-weight", "600");
        if (value != null) {
            boolean good = practice.contains(value);
            shown.getElement().setAttribute("data-within", String.valueOf(good));
            shown.getStyle().set("color", good ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        }
        Span range = new Span("best " + range(practice, formatBound));
        range.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        Div right = new Div(shown, new Span(" "), range);
        row.add(name, right);
        add(row);
    }

    private static String range(BestPractice practice, DoubleFunction<String> format) {
        if (practice.min() != null && practice.max() != null) {
            return format.apply(practice.min()) + "–" + format.apply(practice.max());
        }
        return practice.min() != null ? "≥ " + format.apply(practice.min()) : "≤ " + format.apply(practice.max());
    }

    private static Span section(String title) {
        Span span = new Span(title);
        span.getStyle().set("font-weight", "600").set("margin-top", "var(--lumo-space-s)");
        return span;
    }

    private static Double seconds(Monologue monologue) {
        return monologue == null ? null : monologue.durationMs() / 1000.0;
    }

    private static String percent(double ratio) {
        return Math.round(ratio * 100) + "%";
    }

    private static String minutes(double seconds) {
        return Formats.clock(Math.round(seconds * 1000));
    }
}
