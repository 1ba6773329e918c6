package dev.stellar.workers.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonNullSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.input.PromptTemplate;
import dev.stellar.workers.transcript.SpeakerRoles;
import dev.stellar.workers.transcript.Utterance;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One question to the chat model whose answer must be JSON of a given schema. */
public final class StructuredChat {

    private final ChatModel model;
    private final ObjectMapper json;

    public StructuredChat(ChatModel model, ObjectMapper json) {
        this.model = model;
        this.json = json;
    }

    /**
     * @param system    the system prompt (a resource under {@code /prompts/})
     * @param user      the user prompt template (a resource under {@code /prompts/}), {@code {{name}}} placeholders
     * @throws LlmAnswerException the model failed or did not answer JSON
     */
    public JsonNode ask(String system, String user, Map<String, Object> variables, JsonSchema answer) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt(system)), UserMessage.from(PromptTemplate.from(prompt(user)).apply(variables).text()))
                .responseFormat(ResponseFormat.builder().type(ResponseFormatType.JSON).jsonSchema(answer).build())
                .build();
        String text;
        try {
            text = model.chat(request).aiMessage().text();
        } catch (RuntimeException e) {
            throw new LlmAnswerException("the model did not answer: " + e.getMessage(), e);
        }
        String body = text == null ? "" : text.strip().replaceFirst("^```(?:json)?\\s*", "").replaceFirst("\\s*```$", "");
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new LlmAnswerException("the answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The transcript as the prompts show it: {@code [seq] Speaker (rep|customer): text}, unable to close its fence. */
    public static String numbered(List<Utterance> utterances, SpeakerRoles roles) {
        return utterances.stream()
                .map(u -> "[" + u.seq() + "] " + u.speaker() + (roles == null ? "" : roles.isCustomer(u.speaker()) ? " (customer)" : " (rep)")
                        + ": " + u.text().replace("</transcript>", ""))
                .collect(Collectors.joining("\n"));
    }

    /** A value the answer may leave null, as strict structured output wants it said. */
    public static JsonSchemaElement nullable(JsonSchemaElement element) {
        return JsonAnyOfSchema.builder().anyOf(element, new JsonNullSchema()).build();
    }

    private static String prompt(String name) {
        try (InputStream in = StructuredChat.class.getResourceAsStream("/prompts/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing prompt " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
