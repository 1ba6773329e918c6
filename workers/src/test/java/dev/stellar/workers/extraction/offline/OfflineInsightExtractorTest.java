package dev.stellar.workers.extraction.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.playbooks.schema.FieldSchemaYaml;
import dev.stellar.workers.extraction.ExtractionContext;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfflineInsightExtractorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate MEETING_DAY = LocalDate.of(2026, 3, 10); // a Tuesday

    private final OfflineInsightExtractor extractor = new OfflineInsightExtractor(JSON);

    @ParameterizedTest
    @CsvSource({"estate-planning-chen.txt, estate-planning", "discovery-northwind-logistics.vtt, b2b-discovery",
            "renewal-brightline-dental.srt, b2b-discovery", "estate-planning-chen.txt, b2b-discovery"})
    void everyValueIsAFieldOfTheSchemaAndQuotesItsUtteranceVerbatim(String demo, String schemaKey) throws IOException {
        FieldSchema schema = BuiltInSchemas.get(schemaKey);
        List<Utterance> call = new TranscriptParser().parse(demo(demo)).utterances();

        List<ExtractedField> fields = extractor.extract(context(call, schema));

        assertThat(fields).isNotEmpty();
        assertThat(fields).extracting(ExtractedField::key)
                .isSubsetOf(schema.fields().stream().map(FieldDefinition::key).toList()).doesNotHaveDuplicates();
        assertThat(fields).allSatisfy(field -> {
            assertThat(field.evidenceQuote()).as(field.key()).isNotBlank();
            assertThat(call.get(field.evidenceSeq()).text()).as(field.key()).contains(field.evidenceQuote());
            assertThat(field.evidenceStartMs()).isEqualTo(call.get(field.evidenceSeq()).startMs());
            assertThat(field.confidence()).isBetween(0.0, 1.0);
        });
    }

    @Test
    void wonWithoutAPaymentIsDoubtedAndSaysWhy() throws IOException {
        List<Utterance> call = List.of(
                new Utterance(0, "Riley Rep", 0L, 5_000L, "The complete estate plan package is $3,200 all in."),
                new Utterance(1, "Sam Buyer", 5_000L, 9_000L, "Okay. Let's do it, sign me up."),
                new Utterance(2, "Riley Rep", 9_000L, 12_000L, "Wonderful, I'll send the engagement letter tonight."));

        Map<String, ExtractedField> fields = byKey(extractor.extract(context(call, BuiltInSchemas.get("estate-planning"))));

        assertThat(fields.get("outcome").valueJson()).isEqualTo("\"Won\"");
        assertThat(fields.get("outcome").note()).contains("no payment");
        assertThat(fields.get("outcome").confidence()).isLessThan(0.6);
        assertThat(fields).doesNotContainKey("payment_processed");
    }

    @Test
    void anOrganisationsOwnFieldsAreFoundByTypeAndAnUnsureEnumStaysEmpty() throws IOException {
        FieldSchema own = FieldSchemaYaml.read("""
                key: renewal-call
                fields:
                  - key: renewal_risk
                    type: enum
                    description: How likely the customer is to churn.
                    values: [low, medium, high]
                  - key: plan_tier
                    type: enum
                    values: [starter, growth, enterprise]
                  - key: seats
                    type: number
                    description: Seats the customer wants at renewal.
                  - key: renewal_date
                    type: date
                    description: The day the contract renews.
                  - key: renewal_price
                    type: money
                    description: The renewal price quoted.
                """);
        List<Utterance> call = List.of(
                new Utterance(0, "Riley Rep", 0L, 5_000L, "How many seats do you need next year?"),
                new Utterance(1, "Sam Buyer", 5_000L, 9_000L, "We'd want about forty seats."),
                new Utterance(2, "Riley Rep", 9_000L, 12_000L, "The renewal price would be $18,000, and the contract renews on April 30th."),
                new Utterance(3, "Sam Buyer", 12_000L, 15_000L, "Honestly I'd call our churn risk high right now."));

        Map<String, ExtractedField> fields = byKey(extractor.extract(context(call, own)));

        assertThat(fields.get("seats").valueJson()).isEqualTo("40");
        assertThat(fields.get("renewal_date").valueJson()).isEqualTo("\"2026-04-30\"");
        assertThat(JSON.readTree(fields.get("renewal_price").valueJson()).get("amount").asInt()).isEqualTo(18_000);
        assertThat(fields.get("renewal_risk").valueJson()).isEqualTo("\"high\"");
        assertThat(fields).as("no tier was named").doesNotContainKey("plan_tier");
    }

    private static ExtractionContext context(List<Utterance> call, FieldSchema schema) {
        return new ExtractionContext(call, Set.of("Riley Rep", "Maya Manager"), "Riley Rep", MEETING_DAY, MEETING_DAY, schema);
    }

    private static Map<String, ExtractedField> byKey(List<ExtractedField> fields) {
        return fields.stream().collect(Collectors.toMap(ExtractedField::key, Function.identity()));
    }

    private static byte[] demo(String name) throws IOException {
        try (InputStream in = OfflineInsightExtractorTest.class.getResourceAsStream("/demo/" + name)) {
            return in.readAllBytes();
        }
    }
}
