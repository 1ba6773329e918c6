package dev.stellar.ui.views;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import dev.stellar.workflows.meeting.MeetingStatus;
import java.util.Locale;

/** A meeting's status as a coloured label, with a running progress bar while it is processed. */
class StatusBadge extends HorizontalLayout {

    StatusBadge(MeetingStatus status) {
        setAlignItems(FlexComponent.Alignment.CENTER);
        setSpacing(true);
        Span label = new Span(status.name().charAt(0) + status.name().substring(1).toLowerCase(Locale.ROOT));
        label.addClassName("meeting-status");
        label.getElement().setAttribute("data-status", status.name());
        label.getStyle()
                .set("padding", "0 var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)")
                .set("font-size", "var(--lumo-font-size-s)")
                .set("font-weight", "500")
                .set("color", colour(status))
                .set("background", background(status));
        add(label);
        if (!status.isFinal()) {
            ProgressBar running = new ProgressBar();
            running.setIndeterminate(true);
            running.setWidth("4em");
            add(running);
        }
    }

    private static String colour(MeetingStatus status) {
        return switch (status) {
            case COMPLETED -> "var(--lumo-success-text-color)";
            case FAILED -> "var(--lumo-error-text-color)";
            default -> "var(--lumo-primary-text-color)";
        };
    }

    private static String background(MeetingStatus status) {
        return switch (status) {
            case COMPLETED -> "var(--lumo-success-color-10pct)";
            case FAILED -> "var(--lumo-error-color-10pct)";
            default -> "var(--lumo-primary-color-10pct)";
        };
    }
}
