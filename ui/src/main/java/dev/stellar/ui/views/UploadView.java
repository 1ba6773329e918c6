package dev.stellar.ui.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.component.select.Select;
import dev.stellar.ui.security.CurrentCaller;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.email.EmailAddresses;
import dev.stellar.workers.email.InvalidEmailAddressException;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.UploadRequest;
import dev.stellar.workers.schema.FieldSchemaService;
import dev.stellar.workers.schema.SchemaSummary;
import dev.stellar.workers.transcript.TranscriptFormatException;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.web.servlet.MultipartProperties;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/** Hand in a transcript file; a malformed one is refused on the spot with the line that is wrong. */
@Route(value = "upload", layout = MainLayout.class)
@PageTitle("Upload transcript · Stellar")
@PermitAll
public class UploadView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UploadView.class);

    public UploadView(MeetingService meetings, FieldSchemaService schemas, CurrentCaller currentCaller,
                      MultipartProperties multipart) {
        Caller caller = currentCaller.require();
        Select<SchemaSummary> schema = new Select<>();
        schema.setLabel("Fields to extract");
        schema.setId("upload-schema");
        List<SchemaSummary> available = schemas.list(caller);
        schema.setItems(available);
        schema.setItemLabelGenerator(s -> s.name() + (s.defaultSchema() ? " (default)" : ""));
        available.stream().filter(SchemaSummary::defaultSchema).findFirst().ifPresent(schema::setValue);
        TextField title = new TextField("Title (optional)");
        TextArea attendees = new TextArea("Attendees (optional, one per line: Name <address>)");
        attendees.setId("upload-attendees");
        attendees.setWidth("32em");
        attendees.setHelperText("The follow-up e-mail goes to the attendees outside your organisation");
        title.setId("upload-title");
        title.setWidth("28em");
        DateTimePicker startedAt = new DateTimePicker("When it took place (optional)");
        startedAt.setId("upload-started-at");
        startedAt.setMax(LocalDateTime.now().plusDays(1));

        Paragraph error = new Paragraph();
        error.setId("upload-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        UI ui = UI.getCurrent();
        Upload upload = new Upload(UploadHandler.inMemory((metadata, content) -> {
            try {
                ZoneId zone = BrowserZone.of(ui);
                MeetingSummary meeting = meetings.upload(caller, new UploadRequest(metadata.fileName(), content,
                        title.getValue(), startedAt.getValue() == null ? null : startedAt.getValue().atZone(zone).toInstant(),
                        zone, schema.getValue() == null ? null : schema.getValue().key(), attendeesOf(attendees.getValue())));
                ui.access(() -> ui.navigate(MeetingDetailView.class,
                        new RouteParameters(MeetingDetailView.ID, meeting.id().toString())));
            } catch (TranscriptFormatException | InvalidEmailAddressException e) {
                ui.access(() -> {
                    error.setText(metadata.fileName() + " was not accepted: " + e.getMessage());
                    error.setVisible(true);
                });
            } catch (RuntimeException e) {
                log.error("Upload of {} failed", metadata.fileName(), e);
                ui.access(() -> {
                    error.setText(metadata.fileName() + " could not be stored; nothing was saved. Please try again.");
                    error.setVisible(true);
                });
            }
        }));
        upload.setId("transcript-upload");
        upload.setAcceptedFileTypes(".vtt", ".srt", ".txt", "text/vtt", "text/plain", "application/x-subrip");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, multipart.getMaxFileSize().toBytes()));
        upload.setMaxFiles(1);
        upload.setDropLabel(new com.vaadin.flow.component.html.Span(
                "Drop a transcript here: WebVTT (Zoom, Teams), SRT, or text lines '[hh:mm:ss] Speaker: text'"));

        add(new H2("Upload a transcript"), new HorizontalLayout(title, startedAt, schema), attendees, upload, error);
    }

    private static List<Attendee> attendeesOf(String text) {
        List<String> lines = text == null ? List.of()
                : text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return EmailAddresses.attendees(lines);
    }
}
