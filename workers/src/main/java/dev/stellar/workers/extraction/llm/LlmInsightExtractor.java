package dev.stellar.workers.extraction.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.input.PromptTemplate;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.extraction.InsightExtractor;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static final String SYSTEM = resource("/prompts/extract-fields.md");
    private static final PromptTemplate USER = PromptTemplate.from(resource("/prompts/extract-fields-user.md"));

    private final ChatModel model;
    private final ObjectMapper json;

    public LlmInsightExtractor(ChatModel model, ObjectMapper json) {
        this.model = model;
        this.json = json;
    }

    /** @param dropped answers refused because their evidence or type did not hold */
    public record Result(List<ExtractedField> fields, int dropped) {
    }

    @Override
    public List<ExtractedField> extract(ExtractionContext context) {
        return extractChecked(context).fields();
    }

    /** @throws LlmExtractionException the model failed or answered something that is not the asked JSON */
    public Result extractChecked(ExtractionContext context) {
        FieldSchema schema = context.schema();
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM), UserMessage.from(USER.apply(Map.of(
                        "meetingDate", context.referenceDate().toString(),
                        "reps", String.join(", ", SpeakerRoles.of(context.utterances(), context.organisationPeople(),
                                context.owner()).reps()),
                        "schemaName", schema.name(),
                        "fields", describe(schema),
                        "transcript", numbered(context.utterances()))).text()))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON)
                        .jsonSchema(FieldResponseSchema.of(schema)).build())
                .build();
        String answer;
        try {
            answer = model.chat(request).aiMessage().text();
        } catch (RuntimeException e) {
            throw new LlmExtractionException("the model did not answer: " + e.getMessage(), e);
        }
        JsonNode fields = parse(answer).path("fields");
        if (!fields.isObject()) {
            throw new LlmExtractionException("the answer has no \"fields\" object", null);
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

    private JsonNode parse(String answer) {
        String body = answer == null ? "" : answer.strip().replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmExtractionException("the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String describe(FieldSchema schema) {
        return schema.fields().stream()
                .map(f -> "- " + f.key() + " (" + f.type().key() + (f.hasAllowedValues() ? ", one of " + String.join(", ", f.values()) : "")
                        + "): " + f.description())
                .collect(Collectors.joining("\n"));
    }

    private static String numbered(List<Utterance> utterances) {
        // a speaker cannot close the data block early
        return utterances.stream().map(u -> "[" + u.seq() + "] " + u.speaker() + ": " + u.text().replace("</transcript>", ""))
                .collect(Collectors.joining("\n"));
    }

    private static String resource(String name) {
        try (InputStream in = LlmInsightExtractor.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
