package dev.stellar.workers.extraction.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.langchain4j.model.chat.ChatModel;
import dev.stellar.connectors.llm.LlmModels;
import dev.stellar.connectors.llm.LlmProperties;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.workers.extraction.Extraction;
import dev.stellar.workers.extraction.ExtractionContext;
import dev.stellar.workers.evaluation.EvaluationCommand;
import dev.stellar.workers.extraction.ExtractionService;
import dev.stellar.workers.extraction.offline.OfflineInsightExtractor;
import dev.stellar.workers.llm.LlmAnswerException;
import dev.stellar.workers.llm.OpenAiStub;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** The LLM extractor over real HTTP against an OpenAI-compatible server stubbed with the API's documented payloads. */
class LlmInsightExtractorTest {

    @RegisterExtension
    static WireMockExtension openAi = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);
    private static final List<Utterance> CALL = List.of(
            new Utterance(0, "Riley Rep", 0L, 4_000L, "Thanks for coming in. What brings you here?"),
            new Utterance(1, "Margaret Chen", 4_000L, 9_000L, "My name is Margaret Chen, and this is my husband David."),
            new Utterance(2, "Riley Rep", 9_000L, 15_000L, "Our complete estate plan package is 4,500 dollars."),
            new Utterance(3, "Margaret Chen", 15_000L, 18_000L, "Okay. Let's do it."));

    @Test
    void keepsAnswersWithVerbatimEvidenceAndDropsTheRest() throws Exception {
        answer(Map.of(
                "client_name", field("\"Margaret Chen\"", "My name is Margaret Chen", 1, 0.95),
                "marital_status", field("\"engaged\"", "this is my husband David", 1, 0.8), // not an allowed value
                "deal_amount", field("{\"amount\":4500,\"currency\":\"USD\"}", "package is 4,500 dollars", 0, 0.9), // wrong number
                "estate_value", field("{\"amount\":2000000,\"currency\":\"USD\"}", "we are worth two million", 3, 0.7), // invented
                "outcome", field("\"Won\"", "Let's do it.", 3, 0.85)));

        LlmInsightExtractor.Result result = new LlmInsightExtractor(model(), JSON).extractChecked(context());

        assertThat(result.fields()).extracting(ExtractedField::key).containsExactly("client_name", "deal_amount", "outcome");
        ExtractedField deal = result.fields().get(1);
        assertThat(deal.evidenceSeq()).as("the right utterance for the quote").isEqualTo(2);
        assertThat(deal.evidenceStartMs()).isEqualTo(9_000L);
        assertThat(result.dropped()).as("the invented estate value and the enum outside the list").isEqualTo(2);

        openAi.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer test-key"))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.0")))
                .withRequestBody(matchingJsonPath("$.response_format.type", equalTo("json_schema")))
                .withRequestBody(matchingJsonPath("$.response_format.json_schema.schema.properties.fields.properties.marital_status"))
                .withRequestBody(containing("[2] Riley Rep: Our complete estate plan package is 4,500 dollars.")));
    }

    @Test
    void whenTheModelFailsTheOfflineRulesTakeOverAndTheMeetingSaysSo() {
        openAi.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}")));
        LlmProperties properties = properties();
        ExtractionService service = new ExtractionService(new OfflineInsightExtractor(JSON),
                new StaticListableBeanFactory(Map.of("chatModel", LlmModels.chatModel(properties))).getBeanProvider(ChatModel.class),
                properties, JSON);

        Extraction extraction = service.extract(context());

        assertThat(extraction.extractedBy()).isEqualTo("offline");
        assertThat(extraction.notice()).isEqualTo(
                "The language model (openai:gpt-4o-mini) could not be used, so the offline rules extracted these fields.")
                .as("provider details stay in the log").doesNotContain("server had an error");
        assertThat(extraction.fields()).extracting(ExtractedField::key).contains("client_name", "outcome");
    }

    @Test
    void anAnswerThatIsNotJsonIsAFailureNotHalfAResult() {
        openAi.stubFor(post("/v1/chat/completions").willReturn(OpenAiStub.completion("Sure! The client is Margaret.")));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LlmInsightExtractor(model(), JSON).extractChecked(context()))
                .isInstanceOf(LlmAnswerException.class).hasMessageContaining("not JSON");
    }

    @Test
    void theEvaluationCommandMeasuresAConfiguredModel() throws Exception {
        answer(Map.of("client_name", field("\"Sam Buyer\"", "Hi Riley.", 1, 0.9),
                "outcome", field("\"Won\"", "a sentence nobody said", 5, 0.9)));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = EvaluationCommand.execute(new String[] {
                Path.of(getClass().getResource("/evaluation/sample").toURI()).toString(),
                "--llm-provider", "openai", "--llm-model", "gpt-4o-mini", "--llm-base-url", openAi.baseUrl() + "/v1",
                "--llm-api-key-env", "PATH", "--min-evidence-validity", "1"}, new PrintWriter(out), new PrintWriter(err));

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Extractor: openai:gpt-4o-mini").contains("Evaluated 2 calls")
                .contains("Dropped answers      1");
    }

    private static ExtractionContext context() {
        return new ExtractionContext(CALL, Set.of("Riley Rep"), "Riley Rep", DAY, DAY,
                BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING));
    }

    private static LlmProperties properties() {
        return OpenAiStub.properties(openAi);
    }

    private static ChatModel model() {
        return OpenAiStub.model(openAi);
    }

    private static String field(String value, String quote, int utterance, double confidence) {
        return "{\"value\":" + value + ",\"quote\":\"" + quote + "\",\"utterance\":" + utterance + ",\"confidence\":" + confidence + "}";
    }

    private static void answer(Map<String, String> fields) throws Exception {
        StringBuilder content = new StringBuilder("{\"fields\":{");
        BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING).fields().forEach(f -> content.append('"').append(f.key()).append("\":")
                .append(fields.getOrDefault(f.key(), "{\"value\":null,\"quote\":null,\"utterance\":null,\"confidence\":0}"))
                .append(','));
        content.setLength(content.length() - 1);
        content.append("}}");
        JSON.readTree(content.toString()); // the stub itself must be valid
        openAi.stubFor(post("/v1/chat/completions").willReturn(OpenAiStub.completion(content.toString())));
    }
}
