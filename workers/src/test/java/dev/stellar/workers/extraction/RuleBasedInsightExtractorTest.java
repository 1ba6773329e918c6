package dev.stellar.workers.extraction;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.workers.transcript.TranscriptParser;
import dev.stellar.workers.transcript.Utterance;
import dev.stellar.workflows.meeting.MeetingActivities.ExtractedField;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleBasedInsightExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate RECEIVED = LocalDate.of(2026, 11, 25);

    private final RuleBasedInsightExtractor extractor = new RuleBasedInsightExtractor(JSON);
    private final TranscriptParser parser = new TranscriptParser();

    @Test
    void estatePlanningConsultationThatClosed() throws Exception {
        Map<String, ExtractedField> fields = extract(demo("estate-planning-chen.txt"), null);

        assertThat(value(fields, "client_name")).isEqualTo("\"Margaret Chen\"");
        assertThat(json(fields, "deal_amount")).isEqualTo(JSON.readTree("{\"amount\":4500,\"currency\":\"USD\"}"));
        assertThat(fields.get("deal_amount").evidenceQuote()).startsWith("Our complete estate plan package is 4,500 dollars");
        assertThat(fields.get("deal_amount").evidenceStartMs()).isEqualTo(111_000L);
        assertThat(value(fields, "outcome")).isEqualTo("\"Won\"");
        assertThat(json(fields, "objections")).containsExactly(JSON.getNodeFactory().textNode("price"));
        assertThat(json(fields, "next_steps").get(0).asText()).contains("send the draft documents by Friday");
        assertThat(json(fields, "participants").findValuesAsText("role")).containsExactly("rep", "customer", "customer");
        assertThat(fields).doesNotContainKey("company");
    }

    @Test
    void discoveryCallStillOpen() throws Exception {
        Map<String, ExtractedField> fields = extract(demo("discovery-northwind-logistics.vtt"), LocalDate.of(2026, 11, 23));

        assertThat(value(fields, "client_name")).isEqualTo("\"Dana Whitfield\"");
        assertThat(value(fields, "company")).isEqualTo("\"Northwind Logistics\"");
        assertThat(json(fields, "deal_amount").get("amount").asInt()).isEqualTo(48_000);
        assertThat(value(fields, "outcome")).isEqualTo("\"Pending\"");
        assertThat(value(fields, "meeting_date")).isEqualTo("\"2026-11-23\"");
        assertThat(fields.get("meeting_date").confidence()).isGreaterThan(0.9);
        assertThat(json(fields, "objections").toString()).contains("price", "complexity", "timing");
        assertThat(json(fields, "next_steps").toString()).contains("pilot proposal by Thursday")
                .doesNotContain("Stellar drafts the CRM updates");
    }

    @Test
    void renewalThatWasLost() throws Exception {
        Map<String, ExtractedField> fields = extract(demo("renewal-brightline-dental.srt"), null);

        assertThat(value(fields, "company")).isEqualTo("\"Brightline Dental\"");
        assertThat(value(fields, "client_name")).isEqualTo("\"Tom Alvarez\"");
        assertThat(value(fields, "outcome")).isEqualTo("\"Lost\"");
        assertThat(fields.get("outcome").evidenceQuote()).contains("not going to move forward");
        assertThat(json(fields, "deal_amount").get("amount").asInt()).isEqualTo(12_000);
        assertThat(value(fields, "meeting_date")).as("no date given: the day it arrived, with low confidence")
                .isEqualTo("\"2026-11-25\"");
        assertThat(fields.get("meeting_date").confidence()).isLessThan(0.5);
    }

    @Test
    void moneyInSymbolsWordsAndMultipliers() {
        assertThat(amountOf("The total comes to €12.5k for the year.")).isEqualTo("{\"amount\":12500,\"currency\":\"EUR\"}");
        assertThat(amountOf("Our budget is 2 million dollars.")).isEqualTo("{\"amount\":2000000,\"currency\":\"USD\"}");
        assertThat(amountOf("The fee is £950.50 per month.")).isEqualTo("{\"amount\":950.5,\"currency\":\"GBP\"}");
        assertThat(amountOf("I paid $5 for coffee.")).as("small amounts off price talk are noise").isNull();
    }

    @Test
    void aLaterSignalOverridesAnEarlierOne() {
        List<Utterance> call = List.of(
                new Utterance(0, "Riley Rep", 0L, 1_000L, "Shall we get started?"),
                new Utterance(1, "Sam Buyer", 1_000L, 2_000L, "I'm not interested in the add-ons."),
                new Utterance(2, "Sam Buyer", 2_000L, 3_000L, "But the core plan, yes, let's do it."));
        Map<String, ExtractedField> fields = byKey(extractor.extract(new ExtractionContext(call, Set.of("Riley Rep"), "Riley Rep", null, RECEIVED)));

        assertThat(value(fields, "outcome")).isEqualTo("\"Won\"");
        assertThat(fields.get("outcome").evidenceStartMs()).isEqualTo(2_000L);
    }

    @Test
    void theOwnerIsRecognisedByFirstNameAndTheirObjectionHandlingIsNotAnObjection() throws IOException {
        List<Utterance> call = List.of(
                new Utterance(0, "Jordan Lee", 0L, 1_000L, "Many clients first think it's too expensive."),
                new Utterance(1, "Pat Client", 1_000L, 2_000L, "I need to talk to my wife before we decide."));
        // Pat Kim works here too, but only the owner is matched by first name: Pat Client is the customer
        Map<String, ExtractedField> fields = byKey(extractor.extract(
                new ExtractionContext(call, Set.of("Jordan Lee-Smith", "Pat Kim"), "Jordan Lee-Smith", null, RECEIVED)));

        assertThat(json(fields, "participants").findValuesAsText("role")).containsExactly("rep", "customer");
        assertThat(json(fields, "objections").toString()).isEqualTo("[\"need_spouse_approval\"]");
        assertThat(fields.get("objections").evidenceQuote()).startsWith("I need to talk to my wife");
    }

    private String amountOf(String sentence) {
        List<Utterance> call = List.of(new Utterance(0, "Sam Buyer", 0L, 1_000L, sentence));
        ExtractedField field = byKey(extractor.extract(new ExtractionContext(call, Set.of(), null, null, RECEIVED))).get("deal_amount");
        return field == null ? null : field.valueJson();
    }

    private Map<String, ExtractedField> extract(byte[] transcript, LocalDate meetingDate) {
        return byKey(extractor.extract(new ExtractionContext(parser.parse(transcript).utterances(),
                Set.of("Riley Rep", "Maya Manager"), "Riley Rep", meetingDate, RECEIVED)));
    }

    private static Map<String, ExtractedField> byKey(List<ExtractedField> fields) {
        return fields.stream().collect(Collectors.toMap(ExtractedField::key, Function.identity()));
    }

    private static String value(Map<String, ExtractedField> fields, String key) {
        assertThat(fields).containsKey(key);
        return fields.get(key).valueJson();
    }

    private static JsonNode json(Map<String, ExtractedField> fields, String key) throws IOException {
        return JSON.readTree(value(fields, key));
    }

    private static byte[] demo(String name) throws IOException {
        try (InputStream in = RuleBasedInsightExtractorTest.class.getResourceAsStream("/demo/" + name)) {
            return new String(in.readAllBytes(), UTF_8).getBytes(UTF_8);
        }
    }
}
