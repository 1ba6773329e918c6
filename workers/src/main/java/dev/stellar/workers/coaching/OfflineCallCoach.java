package dev.stellar.workers.coaching;

import dev.stellar.playbooks.scorecard.Criterion;
import dev.stellar.playbooks.scorecard.Scorecard;
import dev.stellar.workers.coaching.CallScore.CriterionResult;
import dev.stellar.workers.coaching.CallScore.Improvement;
import dev.stellar.workers.metrics.ConversationMetrics;
import dev.stellar.workers.transcript.Sentences;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Scores a call against a scorecard with rules: the rep's questions and statements matched against each criterion's
 * phrases, the conversation metrics against their ranges, the extracted facts. Criteria it cannot judge (a metric
 * without timestamps, a field the schema lacks) are left out rather than counted as missed.
 */
@Component
public class OfflineCallCoach implements CallCoach {

    static final String OFFLINE = "offline";
    static final int MAX_IMPROVEMENTS = 3;
    private static final int MAX_STRENGTHS = 3;

    @Override
    public CallScore score(Scorecard scorecard, CoachingContext call) {
        List<CriterionResult> results = new ArrayList<>();
        List<Improvement> improvements = new ArrayList<>();
        for (Criterion criterion : scorecard.criteria()) {
            Optional<CriterionResult> judged = judge(criterion, call);
            if (judged.isEmpty()) {
                continue;
            }
            results.add(judged.get());
            if (!judged.get().met() && improvements.size() < MAX_IMPROVEMENTS) {
                Utterance moment = momentFor(criterion, call);
                improvements.add(new Improvement(criterion.key(), criterion.tip(), moment == null ? null : moment.seq(),
                        moment == null ? null : moment.startMs()));
            }
        }
        List<String> strengths = results.stream().filter(CriterionResult::met)
                .sorted((a, b) -> Boolean.compare(a.measured() != null, b.measured() != null)) // people's words first
                .limit(MAX_STRENGTHS).map(CriterionResult::label).toList();
        double score = results.isEmpty() ? 0 : (double) results.stream().filter(CriterionResult::met).count() / results.size();
        return new CallScore(scorecard.key(), scorecard.name(), score, results, strengths, improvements, OFFLINE);
    }

    private Optional<CriterionResult> judge(Criterion criterion, CoachingContext call) {
        return switch (criterion.kind()) {
            case ASKED, SAID -> Optional.of(repWords(criterion, call, criterion.kind() == Criterion.Kind.ASKED));
            case METRIC -> metric(criterion, call.metrics());
            case FIELD -> field(criterion, call);
        };
    }

    private static CriterionResult repWords(Criterion criterion, CoachingContext call, boolean question) {
        Pattern phrases = Pattern.compile("\\b(?:" + criterion.phrases().stream().map(p -> Pattern.quote(p.toLowerCase(Locale.ROOT)))
                .collect(Collectors.joining("|")) + ")\\b");
        for (Utterance u : call.utterances()) {
            if (call.roles().isCustomer(u.speaker())) {
                continue;
            }
            for (String sentence : Sentences.of(u.text())) {
                if ((!question || sentence.contains("?")) && phrases.matcher(sentence.toLowerCase(Locale.ROOT)).find()) {
                    return new CriterionResult(criterion.key(), criterion.label(), true, sentence, u.seq(), u.startMs(), null);
                }
            }
        }
        return new CriterionResult(criterion.key(), criterion.label(), false, null, null, null, null);
    }

    private static Optional<CriterionResult> metric(Criterion criterion, ConversationMetrics metrics) {
        if (metrics == null) {
            return Optional.empty();
        }
        Double value;
        String measured;
        switch (criterion.metric()) {
            case "rep_talk_ratio" -> {
                value = metrics.repTalkRatio();
                measured = value == null ? null : Math.round(value * 100) + "% of the talk";
            }
            case "longest_rep_monologue_s" -> {
                value = metrics.longestRepMonologue() == null ? null : metrics.longestRepMonologue().durationMs() / 1000.0;
                measured = value == null ? null : "longest monologue " + Math.round(value) + " s";
            }
            case "rep_questions" -> {
                value = (double) metrics.repQuestions();
                measured = metrics.repQuestions() + " questions";
            }
            case "patience_s" -> {
                value = metrics.patienceMs() == null ? null : metrics.patienceMs() / 1000.0;
                measured = value == null ? null : String.format(Locale.ROOT, "%.1f s before replying", value);
            }
            case "rep_fillers_per_100_words" -> {
                value = metrics.repFillersPer100Words();
                measured = value == null ? null : String.format(Locale.ROOT, "%.1f fillers per 100 words", value);
            }
            default -> throw new IllegalArgumentException("unknown metric '" + criterion.metric() + "' in criterion "
                    + criterion.key());
        }
        if (value == null) {
            return Optional.empty(); // not measurable for this transcript (no timestamps)
        }
        boolean met = (criterion.min() == null || value >= criterion.min()) && (criterion.max() == null || value <= criterion.max());
        return Optional.of(new CriterionResult(criterion.key(), criterion.label(), met, null, null, null, measured));
    }

    private static Optional<CriterionResult> field(Criterion criterion, CoachingContext call) {
        if (call.schema().field(criterion.field()).isEmpty()) {
            return Optional.empty();
        }
        Optional<ExtractedField> found = call.fields().stream().filter(f -> f.key().equals(criterion.field())).findFirst();
        return Optional.of(found.map(f -> new CriterionResult(criterion.key(), criterion.label(), true, f.evidenceQuote(),
                        f.evidenceSeq(), f.evidenceStartMs(), null))
                .orElse(new CriterionResult(criterion.key(), criterion.label(), false, null, null, null, null)));
    }

    /** Where a missed criterion would have helped: the monologue itself, or the call's closing turn for next steps. */
    private static Utterance momentFor(Criterion criterion, CoachingContext call) {
        List<Utterance> utterances = call.utterances();
        if (utterances.isEmpty()) {
            return null;
        }
        if ("longest_rep_monologue_s".equals(criterion.metric()) && call.metrics() != null
                && call.metrics().longestRepMonologue() != null) {
            long start = call.metrics().longestRepMonologue().startMs();
            return utterances.stream().filter(u -> u.startMs() != null && u.startMs() == start).findFirst().orElse(null);
        }
        if (criterion.kind() == Criterion.Kind.FIELD) {
            return utterances.get(utterances.size() - 1);
        }
        return null;
    }
}
