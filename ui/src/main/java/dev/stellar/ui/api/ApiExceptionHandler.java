package dev.stellar.ui.api;

import dev.stellar.playbooks.schema.FieldSchemaException;
import dev.stellar.workers.account.EmailAlreadyRegisteredException;
import dev.stellar.workers.account.InvalidSignupException;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.meeting.MeetingNotFoundException;
import dev.stellar.workers.schema.ConcurrentSchemaChangeException;
import dev.stellar.workers.schema.UnknownSchemaException;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.playbooks.sequence.SequenceTemplateException;
import dev.stellar.workers.connection.InvalidConnectionException;
import dev.stellar.workers.email.DraftDecidedException;
import dev.stellar.workers.email.EnrollmentNotFoundException;
import dev.stellar.workers.email.DraftNotFoundException;
import dev.stellar.workers.email.InvalidApprovalException;
import dev.stellar.workers.email.InvalidEmailAddressException;
import dev.stellar.workers.email.InvalidMailboxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import dev.stellar.playbooks.crm.CrmMappings;
import dev.stellar.playbooks.trigger.TriggerRuleException;
import dev.stellar.workers.trigger.UnknownRuleException;
import dev.stellar.workers.crm.CrmChangeNotFoundException;
import dev.stellar.workers.crm.CrmDecisionException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the API as problem details that say what is wrong and where. Spring MVC's own errors
 * (unreadable JSON, missing multipart part, wrong media type, too large upload) come out the same
 * way through {@link ResponseEntityExceptionHandler}. Global on purpose: an upload that is too large
 * fails before any controller is chosen.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler(TranscriptFormatException.class)
    ProblemDetail malformedTranscript(TranscriptFormatException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed transcript", e.getMessage());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler(InvalidSignupException.class)
    ProblemDetail invalidSignup(InvalidSignupException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid sign-up", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(EmailAlreadyRegisteredException.class)
    ProblemDetail duplicateEmail(EmailAlreadyRegisteredException e) {
        return problem(HttpStatus.CONFLICT, "E-mail already registered", e.getMessage());
    }

    @ExceptionHandler(MeetingNotFoundException.class)
    ProblemDetail meetingNotFound(MeetingNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Meeting not found", e.getMessage());
    }

    @ExceptionHandler(UnknownSchemaException.class)
    ProblemDetail unknownSchema(UnknownSchemaException e) {
        return problem(HttpStatus.BAD_REQUEST, "Unknown schema", e.getMessage());
    }

    @ExceptionHandler(FieldSchemaException.class)
    ProblemDetail invalidSchema(FieldSchemaException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid schema", e.getMessage());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler(ConcurrentSchemaChangeException.class)
    ProblemDetail concurrentSchemaChange(ConcurrentSchemaChangeException e) {
        return problem(HttpStatus.CONFLICT, "Schema changed meanwhile", e.getMessage());
    }

    @ExceptionHandler(InvalidConnectionException.class)
    ProblemDetail invalidConnection(InvalidConnectionException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid connection", e.getMessage());
    }

    @ExceptionHandler({InvalidEmailAddressException.class, InvalidApprovalException.class, InvalidMailboxException.class})
    ProblemDetail invalidEmail(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, "Cannot send as entered", e.getMessage());
    }

    @ExceptionHandler(SequenceTemplateException.class)
    ProblemDetail invalidSequence(SequenceTemplateException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid sequence", e.getMessage());
        if (e.line() > 0) {
            problem.setProperty("line", e.line());
        }
        return problem;
    }

    @ExceptionHandler(EnrollmentNotFoundException.class)
    ProblemDetail enrollmentNotFound(EnrollmentNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Enrollment not found", e.getMessage());
    }

    @ExceptionHandler(DraftNotFoundException.class)
    ProblemDetail draftNotFound(DraftNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Draft not found", e.getMessage());
    }

    @ExceptionHandler(DraftDecidedException.class)
    ProblemDetail draftDecided(DraftDecidedException e) {
        return problem(HttpStatus.CONFLICT, "Draft already decided", e.getMessage());
    }

    @ExceptionHandler(CrmChangeNotFoundException.class)
    ProblemDetail crmChangeNotFound(CrmChangeNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "CRM change not found", e.getMessage());
    }

    @ExceptionHandler(CrmDecisionException.class)
    ProblemDetail crmDecision(CrmDecisionException e) {
        return problem(HttpStatus.CONFLICT, "CRM change cannot be decided", e.getMessage());
    }

    @ExceptionHandler(CrmMappings.CrmMappingException.class)
    ProblemDetail crmMapping(CrmMappings.CrmMappingException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid CRM mapping", e.getMessage());
    }

    @ExceptionHandler(TriggerRuleException.class)
    ProblemDetail invalidRule(TriggerRuleException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid trigger rule", e.getMessage());
        problem.setProperty("errors", e.errors());
        return problem;
    }

    @ExceptionHandler(UnknownRuleException.class)
    ProblemDetail unknownRule(UnknownRuleException e) {
        return problem(HttpStatus.NOT_FOUND, "Trigger rule not found", e.getMessage());
    }

    @ExceptionHandler(RoleRequiredException.class)
    ProblemDetail roleRequired(RoleRequiredException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
