package dev.stellar.workers.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.chat.ChatModel;
import dev.stellar.connectors.llm.LlmModels;
import dev.stellar.connectors.llm.LlmProperties;
import java.time.Duration;

/** An OpenAI-compatible server on WireMock, answering as OpenAI documents its chat completions. */
public final class OpenAiStub {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenAiStub() {
    }

    public static LlmProperties properties(WireMockExtension server) {
        return new LlmProperties("openai", server.baseUrl() + "/v1", "test-key", "gpt-4o-mini", Duration.ofSeconds(10), 2000);
    }

    public static ChatModel model(WireMockExtension server) {
        return LlmModels.chatModel(properties(server));
    }

    /** Every chat completion answers with this assistant message. */
    public static void answer(WireMockExtension server, String content) {
        server.stubFor(post("/v1/chat/completions").willReturn(completion(content)));
    }

    /** A chat completion as OpenAI documents it (https://platform.openai.com/docs/api-reference/chat/object). */
    public static ResponseDefinitionBuilder completion(String content) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG");
        body.put("object", "chat.completion");
        body.put("created", 1741570283);
        body.put("model", "gpt-4o-mini-2024-07-18");
        ObjectNode choice = body.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", content);
        message.putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        ObjectNode usage = body.putObject("usage");
        usage.put("prompt_tokens", 1117);
        usage.put("completion_tokens", 46);
        usage.put("total_tokens", 1163);
        body.put("service_tier", "default");
        body.put("system_fingerprint", "fp_fc9f1d7035");
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body.toString());
    }
}
