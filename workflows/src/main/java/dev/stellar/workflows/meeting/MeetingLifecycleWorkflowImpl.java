package dev.stellar.workflows.meeting;

import dev.stellar.workflows.Errors;
import dev.stellar.workflows.meeting.MeetingActivities.CompleteMeetingInput;
import dev.stellar.workflows.meeting.MeetingActivities.ComputeMetricsInput;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractInsightsInput;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedInsights;
import dev.stellar.workflows.meeting.MeetingActivities.MetricsSummary;
import dev.stellar.workflows.meeting.MeetingActivities.ParseTranscriptInput;
import dev.stellar.workflows.meeting.MeetingActivities.ParsedTranscript;
import dev.stellar.workflows.meeting.MeetingActivities.RecordStatusInput;
import dev.stellar.workflows.meeting.MeetingProgress.StepProgress;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;

public class MeetingLifecycleWorkflowImpl implements MeetingLifecycleWorkflow {

    private static final Logger log = Workflow.getLogger(MeetingLifecycleWorkflowImpl.class);
    /** Version marker: conversation metrics computed beside extraction (version 1). */
    static final String CONVERSATION_METRICS = "conversation-metrics";

    private final MeetingActivities activities = Workflow.newActivityStub(
            MeetingActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofMinutes(1))
                            .setMaximumAttempts(10)
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
            ParsedTranscript parsed = step(MeetingStep.PARSE, () -> activities.parseTranscript(
                    new ParseTranscriptInput(org, meeting, input.transcriptRef(), input.fileName())));
            ExtractedInsights insights;
            if (Workflow.getVersion(CONVERSATION_METRICS, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION) {
                steps.remove(MeetingStep.METRICS); // histories from before metrics existed
                insights = step(MeetingStep.EXTRACT, () -> activities.extractInsights(new ExtractInsightsInput(org, meeting)));
            } else {
                // the agents read the stored transcript independently: run them side by side
                steps.put(MeetingStep.EXTRACT, StepState.RUNNING);
                steps.put(MeetingStep.METRICS, StepState.RUNNING);
                Promise<ExtractedInsights> extracted = Async.function(activities::extractInsights,
                        new ExtractInsightsInput(org, meeting));
                Promise<MetricsSummary> measured = Async.function(activities::computeMetrics,
                        new ComputeMetricsInput(org, meeting));
                insights = await(MeetingStep.EXTRACT, extracted);
                await(MeetingStep.METRICS, measured);
            }
            step(MeetingStep.PERSIST, () -> {
                activities.completeMeeting(new CompleteMeetingInput(org, meeting, insights.fields()));
                return null;
            });
            return new MeetingOutcome(meeting, parsed.utterances(), parsed.speakers().size(), insights.fields().size());
        } catch (ActivityFailure e) {
            failure = reasonOf(e);
            log.warn("Meeting {} failed: {}", meeting, failure);
            activities.recordStatus(new RecordStatusInput(org, meeting, MeetingStatus.FAILED, failure));
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

    /** The innermost failure message: what the activity said, not the SDK's wrapping. */
    private static String reasonOf(ActivityFailure failure) {
        Throwable cause = failure;
        String reason = failure.getMessage();
        while (cause != null) {
            if (cause instanceof TemporalFailure temporal && temporal.getOriginalMessage() != null
                    && !temporal.getOriginalMessage().isBlank()) {
                reason = temporal.getOriginalMessage();
            }
            cause = cause.getCause();
        }
        return reason;
    }
}
