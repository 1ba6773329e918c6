package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import java.time.DateTimeException;
import java.time.ZoneId;

/** The time zone of the person's browser, so times read as their local times. */
final class BrowserZone {

    private BrowserZone() {
    }

    /** Asks the browser once per session; until it answers, the server's zone is used. */
    static void detect(UI ui) {
        if (ui.getSession().getAttribute(ZoneId.class) == null) {
            ui.getPage().retrieveExtendedClientDetails(details -> {
                try {
                    ui.getSession().setAttribute(ZoneId.class, ZoneId.of(details.getTimeZoneId()));
                } catch (DateTimeException | NullPointerException unknown) {
                    ui.getSession().setAttribute(ZoneId.class, ZoneId.systemDefault());
                }
            });
        }
    }

    static ZoneId of(UI ui) {
        ZoneId zone = ui == null ? null : ui.getSession().getAttribute(ZoneId.class);
        return zone != null ? zone : ZoneId.systemDefault();
    }
}
