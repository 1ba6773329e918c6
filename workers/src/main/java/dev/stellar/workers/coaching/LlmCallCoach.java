package dev.stellar.workers.coaching;

import static dev.stellar.workers.llm.StructuredChat.nullable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.stellar.playbooks.scorecard.Criterion;
import dev.stellar.playbooks.scorecard.Scorecard;
import dev.stellar.workers.coaching.CallScore.CriterionResult;
import dev.stellar.workers.coaching.CallScore.Improvement;
import dev.stellar.workers.llm.StructuredChat;
import dev.stellar.workers.transcript.Utterance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The coaching agent with a language model judging the rep's words (asked / said criteria); metrics and facts are
 * judged by the rules as before. A "met" without the rep's verbatim words is not believed: that criterion keeps the
 * rules' verdict. Improvements must name a missed criterion.
 */
public class LlmCallCoach implements CallCoach {

    private final StructuredChat chat;
    private final OfflineCallCoach rules;
    private final String label;

    public LlmCallCoach(StructuredChat chat, OfflineCallCoach rules, String label) {
        this.chat = chat;
        this.rules = rules;
        this.label = label;
    }

    /** @throws dev.stellar.workers.llm.LlmAnswerException the model could not be used */
    @Override
    public CallScore score(Scorecard scorecard, CoachingContext call) {
        CallScore byRules = rules.score(scorecard, call);
        List<Criterion> judged = scorecard.criteria().stream()
                .filter(c -> c.kind() == Criterion.Kind.ASKED || c.kind() == Criterion.Kind.SAID).toList();
        if (judged.isEmpty()) {
            return byRules;
        }
        JsonNode answer = chat.ask("coach-call.md", "coach-call-user.md", Map.of(
                "scorecard", scorecard.name(),
                "criteria", judged.stream().map(c -> "- " + c.key() + ": " + c.label() + " (" + c.kind().key() + ")")
                        .collect(Collectors.joining("\n")),
                "transcript", StructuredChat.numbered(call.utterances(), call.roles())), schemaFor(judged));

        Map<String, CriterionResult> results = new LinkedHashMap<>();
        byRules.criteria().forEach(r -> results.put(r.key(), r));
        for (Criterion criterion : judged) {
            JsonNode verdict = answer.path("criteria").path(criterion.key());
            if (!verdict.path("met").isBoolean()) {
                continue;
            }
            if (!verdict.path("met").asBoolean()) {
                results.put(criterion.key(), new CriterionResult(criterion.key(), criterion.label(), false, null, null, null, null));
                continue;
            }
            repWords(call, verdict.path("quote").asText(""), verdict.path("utterance").asInt(-1))
                    .ifPresent(u -> results.put(criterion.key(), new CriterionResult(criterion.key(), criterion.label(), true,
                            verdict.path("quote").asText().strip(), u.seq(), u.startMs(), null)));
        }
        List<CriterionResult> criteria = new ArrayList<>(results.values());
        List<String> missed = criteria.stream().filter(r -> !r.met()).map(CriterionResult::key).toList();
        List<Improvement> improvements = new ArrayList<>();
        for (JsonNode improvement : answer.path("improvements")) {
            String key = improvement.path("criterion").asText();
            String tip = improvement.path("tip").asText("").strip();
            if (missed.contains(key) && !tip.isEmpty() && improvements.size() < OfflineCallCoach.MAX_IMPROVEMENTS
                    && improvements.stream().noneMatch(i -> i.criterionKey().equals(key))) {
                improvements.add(new Improvement(key, tip, null, null));
            }
        }
        if (improvements.isEmpty()) {
            improvements.addAll(byRules.improvements().stream().filter(i -> missed.contains(i.criterionKey())).toList());
        }
        List<String> strengths = new ArrayList<>();
        answer.path("strengths").forEach(s -> {
            if (strengths.size() < 3 && !s.asText("").isBlank()) {
                strengths.add(s.asText().strip());
            }
        });
        long met = criteria.stream().filter(CriterionResult::met).count();
        return new CallScore(byRules.scorecardKey(), byRules.scorecardName(), criteria.isEmpty() ? 0 : (double) met / criteria.size(),
                criteria, strengths.isEmpty() ? byRules.strengths() : strengths, improvements, label);
    }

    /** The rep utterance the quote is verbatim in: the one named, else any rep utterance. */
    private static Optional<Utterance> repWords(CoachingContext call, String quote, int claimed) {
        String words = quote.strip();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        List<Utterance> reps = call.utterances().stream().filter(u -> !call.roles().isCustomer(u.speaker())).toList();
        return reps.stream().filter(u -> u.seq() == claimed && u.text().contains(words)).findFirst()
                .or(() -> reps.stream().filter(u -> u.text().contains(words)).findFirst());
    }

    private static JsonSchema schemaFor(List<Criterion> criteria) {
        JsonObjectSchema.Builder verdicts = JsonObjectSchema.builder().additionalProperties(false);
        for (Criterion criterion : criteria) {
            verdicts.addProperty(criterion.key(), JsonObjectSchema.builder()
                    .addProperty("met", new JsonBooleanSchema())
                    .addProperty("quote", nullable(new JsonStringSchema()))
                    .addProperty("utterance", nullable(new JsonIntegerSchema()))
                    .required("met", "quote", "utterance")
                    .additionalProperties(false)
                    .build());
        }
        verdicts.required(criteria.stream().map(Criterion::key).toList());
        return JsonSchema.builder().name("scorecard").rootElement(JsonObjectSchema.builder()
                .addProperty("criteria", verdicts.build())
                .addProperty("strengths", JsonArraySchema.builder().items(new JsonStringSchema()).build())
                .addProperty("improvements", JsonArraySchema.builder().items(JsonObjectSchema.builder()
                        .addProperty("criterion", JsonEnumSchema.builder().enumValues(criteria.stream().map(Criterion::key).toList()).build())
                        .addStringProperty("tip")
                        .required("criterion", "tip")
                        .additionalProperties(false)
                        .build()).build())
                .required("criteria", "strengths", "improvements")
                .additionalProperties(false)
                .build()).build();
    }
}
