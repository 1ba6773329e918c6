package dev.stellar.workers.extraction.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.llm.LlmAnswerException;
import dev.stellar.workers.llm.StructuredChat;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Extraction by a language model with structured output. The model's answer is never trusted as is: a value whose
 * quote is not verbatim in the transcript, or that breaks its field's type, is dropped and counted.
 */
public class LlmInsightExtractor implements InsightExtractor {

    private final StructuredChat chat;

    public LlmInsightExtractor(ChatModel model, ObjectMapper json) {
        this.chat = new StructuredChat(model, json);
    }

    /** @param dropped answers refused because their evidence or type did not hold */
    public record Result(List<ExtractedField> fields, int dropped) {
    }

    @Override
    public List<ExtractedField> extract(ExtractionContext context) {
        return extractChecked(context).fields();
    }

    /** @throws LlmAnswerException the model failed or answered something that is not the asked JSON */
    public Result extractChecked(ExtractionContext context) {
        FieldSchema schema = context.schema();
        JsonNode answer = chat.ask("extract-fields.md", "extract-fields-user.md", Map.of(
                "meetingDate", context.referenceDate().toString(),
                "reps", String.join(", ", SpeakerRoles.of(context.utterances(), context.organisationPeople(), context.owner()).reps()),
                "schemaName", schema.name(),
                "fields", describe(schema),
                "transcript", StructuredChat.numbered(context.utterances(), null)), FieldResponseSchema.of(schema));
        JsonNode fields = answer.path("fields");
        if (!fields.isObject()) {
            throw new LlmAnswerException("the answer has no \"fields\" object", null);
        }
        List<ExtractedField> kept = new ArrayList<>();
        int dropped = 0;
        for (FieldDefinition field : schema.fields()) {
            JsonNode answered = fields.path(field.key());
            JsonNode value = answered.path("value");
            if (value.isMissingNode() || value.isNull()) {
                continue;
            }
            Optional<ExtractedField> checked = check(field, answered, value, context.utterances());
            if (checked.isPresent()) {
                kept.add(checked.get());
            } else {
                dropped++;
            }
        }
        return new Result(kept, dropped);
    }

    private Optional<ExtractedField> check(FieldDefinition field, JsonNode answered, JsonNode value, List<Utterance> utterances) {
        String quote = answered.path("quote").asText("").strip();
        if (quote.isEmpty() || !typeHolds(field, value)) {
            return Optional.empty();
        }
        int claimed = answered.path("utterance").asInt(-1);
        Optional<Utterance> source = utterances.stream().filter(u -> u.seq() == claimed && u.text().contains(quote)).findFirst()
                .or(() -> utterances.stream().filter(u -> u.text().contains(quote)).findFirst()); // right words, wrong number
        double confidence = Math.max(0, Math.min(1, answered.path("confidence").asDouble(0.5)));
        return source.map(u -> new ExtractedField(field.key(), value.toString(), Math.round(confidence * 100) / 100.0, quote,
                u.startMs(), u.seq(), null));
    }

    private static boolean typeHolds(FieldDefinition field, JsonNode value) {
        return switch (field.type()) {
            case TEXT -> value.isTextual() && !value.asText().isBlank();
            case NUMBER -> value.isNumber();
            case MONEY -> value.path("amount").isNumber() && value.path("currency").asText("").matches("[A-Z]{3}");
            case DATE -> value.isTextual() && isDate(value.asText());
            case ENUM -> value.isTextual() && field.values().contains(value.asText());
            case BOOLEAN -> value.isBoolean();
            case LIST -> value.isArray() && !value.isEmpty()
                    && (!field.hasAllowedValues() || allAllowed(field, value));
        };
    }

    private static boolean allAllowed(FieldDefinition field, JsonNode list) {
        for (JsonNode item : list) {
            if (!field.values().contains(item.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String describe(FieldSchema schema) {
        return schema.fields().stream()
                .map(f -> "- " + f.key() + " (" + f.type().key() + (f.hasAllowedValues() ? ", one of " + String.join(", ", f.values()) : "")
                        + "): " + f.description())
                .collect(Collectors.joining("\n"));
    }

}
