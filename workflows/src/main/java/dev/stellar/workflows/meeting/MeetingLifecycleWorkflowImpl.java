package dev.stellar.workflows.meeting;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.meeting.MeetingActivities.CompleteMeetingInput;
import dev.stellar.workflows.meeting.MeetingActivities.ComputeMetricsInput;
import dev.stellar.workflows.meeting.MeetingActivities.DraftFollowUpsInput;
import dev.stellar.workflows.meeting.MeetingActivities.DraftsSummary;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractInsightsInput;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedInsights;
import dev.stellar.workflows.meeting.MeetingActivities.FetchTranscriptInput;
import dev.stellar.workflows.meeting.MeetingActivities.FetchedTranscript;
import dev.stellar.workflows.meeting.MeetingActivities.IndexSummary;
import dev.stellar.workflows.meeting.MeetingActivities.IndexTranscriptInput;
import dev.stellar.workflows.meeting.MeetingActivities.MetricsSummary;
import dev.stellar.workflows.meeting.MeetingActivities.ParseTranscriptInput;
import dev.stellar.workflows.meeting.MeetingActivities.ParsedTranscript;
import dev.stellar.workflows.meeting.MeetingActivities.RecordStatusInput;
import dev.stellar.workflows.meeting.MeetingActivities.ScoreCallInput;
import dev.stellar.workflows.meeting.MeetingActivities.ScorecardSummary;
import dev.stellar.workflows.meeting.MeetingProgress.StepProgress;
import dev.stellar.workflows.crm.CrmSyncWorkflow;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncInput;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncOutcome;
import dev.stellar.workflows.crm.CrmSyncWorkflow.CrmSyncStage;
import dev.stellar.workflows.email.EmailApprovalWorkflow;
import dev.stellar.workflows.email.EmailApprovalWorkflow.EmailApprovalInput;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class MeetingLifecycleWorkflowImpl implements MeetingLifecycleWorkflow {

    private static final Logger log = Workflow.getLogger(MeetingLifecycleWorkflowImpl.class);
    /** Version marker: conversation metrics computed beside extraction (version 1). */
    static final String CONVERSATION_METRICS = "conversation-metrics";
    /** Version marker: indexing, coaching and drafting agents after extraction (version 1). */
    static final String MEETING_AGENTS = "meeting-agents";
    /** Version marker: a meeting captured from a platform fetches its transcript first (version 1). */
    static final String PLATFORM_FETCH = "platform-fetch";
    /** Version marker: the follow-up e-mail waits for the rep's approval in a child workflow (version 1). */
    static final String EMAIL_APPROVAL = "email-approval";
    /** Version marker: the CRM changes are reviewed and synced in a child workflow beside the e-mail's (version 1). */
    static final String CRM_SYNC = "crm-sync";
    /** Steps a meeting completes without when they give up. */
    private static final Set<MeetingStep> OPTIONAL = EnumSet.of(MeetingStep.INDEX, MeetingStep.COACH, MeetingStep.DRAFT,
            MeetingStep.REVIEW, MeetingStep.SYNC);

    /**
     * Steps retry with backoff for up to an hour (a database or worker outage), except for failures
     * retrying cannot fix ({@link Errors}), which fail the meeting at once with their reason.
     */
    private final MeetingActivities activities = Workflow.newActivityStub(MeetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setScheduleToCloseTimeout(Duration.ofHours(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    /**
     * Downloads heartbeat nothing but are bounded by the platform's timeouts; they retry through a platform outage for
     * a day (a 429's Retry-After honoured), then the meeting fails with the reason.
     */
    private final MeetingActivities fetcher = Workflow.newActivityStub(MeetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setScheduleToCloseTimeout(Duration.ofDays(1))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(2))
                            .setMaximumInterval(Duration.ofMinutes(10))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    /** Recording a failure must outlast any outage, or the meeting would show PROCESSING for ever. */
    private final MeetingActivities failureRecorder = Workflow.newActivityStub(MeetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(1))
                    .setScheduleToCloseTimeout(Duration.ofDays(7))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofMinutes(5))
                            .setDoNotRetry(Errors.MEETING_NOT_FOUND.name())
                            .build())
                    .build());

    /**
     * Agents whose output is welcome but not essential: a few minutes of retries, then the meeting completes without
     * them and says so, rather than holding back the CRM fields.
     */
    private final MeetingActivities agents = Workflow.newActivityStub(MeetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setScheduleToCloseTimeout(Duration.ofMinutes(10))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(30))
                            .setDoNotRetry(Errors.typeNames())
                            .build())
                    .build());

    private final Map<MeetingStep, StepState> steps = new EnumMap<>(MeetingStep.class);
    private String failure;

    public MeetingLifecycleWorkflowImpl() {
        for (MeetingStep step : MeetingStep.values()) {
            steps.put(step, StepState.PENDING);
        }
    }

    @Override
    public MeetingOutcome run(MeetingLifecycleInput input) {
        String org = input.organizationId();
        String meeting = input.meetingId();
        try {
            activities.recordStatus(new RecordStatusInput(org, meeting, MeetingStatus.PROCESSING, null));
            String transcriptRef = input.transcriptRef();
            String fileName = input.fileName();
            if (Workflow.getVersion(PLATFORM_FETCH, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                    || transcriptRef != null) {
                withoutSteps(MeetingStep.FETCH); // an upload, or fetched before a restart
            } else {
                FetchedTranscript fetched = step(MeetingStep.FETCH, () -> fetcher.fetchTranscript(
                        new FetchTranscriptInput(org, meeting)));
                transcriptRef = fetched.transcriptRef();
                fileName = fetched.fileName();
            }
            String ref = transcriptRef;
            String name = fileName;
            ParsedTranscript parsed = step(MeetingStep.PARSE, () -> activities.parseTranscript(
                    new ParseTranscriptInput(org, meeting, ref, name)));
            ExtractedInsights insights;
            List<String> unfinished = null;
            DraftsSummary drafts = null;
            if (Workflow.getVersion(CONVERSATION_METRICS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
                withoutSteps(MeetingStep.METRICS, MeetingStep.INDEX, MeetingStep.COACH, MeetingStep.DRAFT); // before metrics
                insights = step(MeetingStep.EXTRACT, () -> activities.extractInsights(new ExtractInsightsInput(org, meeting)));
            } else if (Workflow.getVersion(MEETING_AGENTS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
                withoutSteps(MeetingStep.INDEX, MeetingStep.COACH, MeetingStep.DRAFT); // histories from before the agents
                // the agents read the stored transcript independently: run them side by side
                steps.put(MeetingStep.EXTRACT, StepState.RUNNING);
                steps.put(MeetingStep.METRICS, StepState.RUNNING);
                Promise<ExtractedInsights> extracted = Async.function(activities::extractInsights,
                        new ExtractInsightsInput(org, meeting));
                Promise<MetricsSummary> measured = Async.function(activities::computeMetrics,
                        new ComputeMetricsInput(org, meeting));
                insights = await(MeetingStep.EXTRACT, extracted);
                await(MeetingStep.METRICS, measured);
            } else {
                // independent readers of the stored transcript run side by side; coaching and drafting need the facts
                for (MeetingStep step : List.of(MeetingStep.EXTRACT, MeetingStep.METRICS, MeetingStep.INDEX)) {
                    steps.put(step, StepState.RUNNING);
                }
                Promise<ExtractedInsights> extracted = Async.function(activities::extractInsights,
                        new ExtractInsightsInput(org, meeting));
                Promise<MetricsSummary> measured = Async.function(activities::computeMetrics,
                        new ComputeMetricsInput(org, meeting));
                Promise<IndexSummary> indexed = Async.function(agents::indexTranscript, new IndexTranscriptInput(org, meeting));
                insights = await(MeetingStep.EXTRACT, extracted);
                await(MeetingStep.METRICS, measured);
                steps.put(MeetingStep.COACH, StepState.RUNNING);
                steps.put(MeetingStep.DRAFT, StepState.RUNNING);
                Promise<ScorecardSummary> scored = Async.function(agents::scoreCall,
                        new ScoreCallInput(org, meeting, insights.fields()));
                Promise<DraftsSummary> drafted = Async.function(agents::draftFollowUps,
                        new DraftFollowUpsInput(org, meeting, insights.fields()));
                unfinished = new ArrayList<>();
                awaitOptional(MeetingStep.INDEX, indexed, unfinished);
                awaitOptional(MeetingStep.COACH, scored, unfinished);
                drafts = awaitOptional(MeetingStep.DRAFT, drafted, unfinished);
            }
            List<String> incomplete = unfinished;
            step(MeetingStep.PERSIST, () -> {
                activities.completeMeeting(new CompleteMeetingInput(org, meeting, insights.fields(), incomplete));
                return null;
            });
            Promise<CrmSyncOutcome> synced = null;
            if (Workflow.getVersion(CRM_SYNC, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
                withoutSteps(MeetingStep.SYNC);
            } else {
                synced = startCrmSync(org, meeting);
            }
            if (Workflow.getVersion(EMAIL_APPROVAL, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                    || drafts == null || drafts.emailDraftId() == null) {
                withoutSteps(MeetingStep.REVIEW);
            } else {
                awaitApproval(org, drafts.emailDraftId());
            }
            if (synced != null) {
                awaitCrmSync(synced);
            }
            return new MeetingOutcome(meeting, parsed.utterances(), parsed.speakers().size(), insights.fields().size());
        } catch (ActivityFailure e) {
            failure = reasonOf(e);
            log.warn("Meeting {} failed: {}", meeting, failure);
            // detached: the failure is recorded even when the workflow itself is being cancelled
            Workflow.newDetachedCancellationScope(() -> failureRecorder.recordStatus(
                    new RecordStatusInput(org, meeting, MeetingStatus.FAILED, failure))).run();
            throw ApplicationFailure.newNonRetryableFailureWithCause(failure, "MEETING_FAILED", e);
        }
    }

    @Override
    public MeetingProgress progress() {
        List<StepProgress> list = new ArrayList<>();
        steps.forEach((step, state) -> list.add(new StepProgress(step, state)));
        return new MeetingProgress(list, failure);
    }

    private <T> T await(MeetingStep step, Promise<T> promise) {
        return step(step, promise::get);
    }

    /** Waits for a non-essential agent; its failure is noted, not thrown. */
    private <T> T awaitOptional(MeetingStep step, Promise<T> promise, List<String> unfinished) {
        try {
            return await(step, promise);
        } catch (ActivityFailure e) {
            log.warn("Meeting step {} gave up: {}", step, e.getMessage());
            unfinished.add(step.label());
            return null;
        }
    }

    /**
     * The meeting's follow-up goes out only once the rep approved it. The approval is its own workflow (abandoned, not
     * cancelled, with the meeting's), so it can also be resumed or decided on its own; the meeting's results are stored
     * already, so an approval that ends badly is the e-mail's story, not the meeting's.
     */
    private void awaitApproval(String org, String draftId) {
        EmailApprovalWorkflow approval = Workflow.newChildWorkflowStub(EmailApprovalWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(EmailApprovalWorkflow.idFor(org, draftId))
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        steps.put(MeetingStep.REVIEW, StepState.RUNNING);
        try {
            approval.run(new EmailApprovalInput(org, draftId));
            steps.put(MeetingStep.REVIEW, StepState.DONE);
        } catch (ChildWorkflowFailure e) {
            // e.g. already started by the application after a restart: that one carries on
            log.info("Approval of draft {} goes on without the meeting: {}", draftId, e.getMessage());
            steps.put(MeetingStep.REVIEW, StepState.DONE);
        }
    }

    /**
     * The CRM review runs beside the e-mail's, in its own workflow (abandoned, not cancelled, with the meeting's): a
     * rep may approve the e-mail today and the CRM changes tomorrow.
     */
    private Promise<CrmSyncOutcome> startCrmSync(String org, String meeting) {
        CrmSyncWorkflow sync = Workflow.newChildWorkflowStub(CrmSyncWorkflow.class,
                ChildWorkflowOptions.newBuilder()
                        .setWorkflowId(CrmSyncWorkflow.idFor(org, meeting))
                        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
                        .build());
        steps.put(MeetingStep.SYNC, StepState.RUNNING);
        return Async.function(sync::run, new CrmSyncInput(org, meeting));
    }

    private void awaitCrmSync(Promise<CrmSyncOutcome> synced) {
        try {
            CrmSyncOutcome outcome = synced.get();
            steps.put(MeetingStep.SYNC, outcome.stage() == CrmSyncStage.FAILED ? StepState.FAILED : StepState.DONE);
        } catch (ChildWorkflowFailure e) {
            log.warn("CRM sync failed: {}", e.getMessage());
            steps.put(MeetingStep.SYNC, StepState.FAILED);
        }
    }

    private void withoutSteps(MeetingStep... absent) {
        for (MeetingStep step : absent) {
            steps.remove(step);
        }
    }

    private <T> T step(MeetingStep step, Supplier<T> body) {
        steps.put(step, StepState.RUNNING);
        try {
            T result = body.get();
            steps.put(step, StepState.DONE);
            return result;
        } catch (RuntimeException e) {
            steps.put(step, StepState.FAILED);
            throw e;
        }
    }

    /**
     * What to tell a person: the activity's own words for a failure it typed ({@link Errors}); for
     * anything else, which step gave up, without internals (those are in the worker's log).
     */
    private String reasonOf(ActivityFailure failure) {
        Optional<String> typed = Errors.typedMessage(failure);
        if (typed.isPresent()) {
            return typed.get();
        }
        Optional<MeetingStep> step = steps.entrySet().stream()
                .filter(e -> e.getValue() == StepState.FAILED && !OPTIONAL.contains(e.getKey())) // agents gave up earlier
                .map(Map.Entry::getKey)
                .findFirst();
        return step.map(MeetingStep::label).orElse("Processing") + " failed after retrying for "
                + (step.orElse(null) == MeetingStep.FETCH ? "a day" : "an hour") + "; the worker's log has the details";
    }
}
