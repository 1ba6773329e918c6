package dev.stellar.workers.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldDefinition;
import org.junit.jupiter.api.Test;

class ValueMatcherTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void moneyMatchesOnAmountAndCurrency() throws Exception {
        FieldDefinition budget = field("b2b-discovery", "budget");
        assertThat(matches(budget, "{\"amount\":80000,\"currency\":\"USD\"}", "{\"amount\":80000.0,\"currency\":\"usd\"}")).isTrue();
        assertThat(matches(budget, "{\"amount\":80000}", "{\"amount\":80000,\"currency\":\"USD\"}")).as("USD by default").isTrue();
        assertThat(matches(budget, "{\"amount\":80000,\"currency\":\"EUR\"}", "{\"amount\":80000,\"currency\":\"USD\"}")).isFalse();
        assertThat(matches(budget, "{\"amount\":80000}", "{\"amount\":8000}")).isFalse();
    }

    @Test
    void textNeedsMostOfTheLabelAndNotAParagraphAroundIt() throws Exception {
        FieldDefinition need = field("b2b-discovery", "need");
        assertThat(matches(need, "\"reps spend hours updating Salesforce\"", "\"our reps spend hours updating Salesforce every week\"")).isTrue();
        assertThat(matches(need, "\"reps spend hours updating Salesforce\"", "\"reps spend hours\"")).as("too little of it").isFalse();
        assertThat(matches(need, "\"reps spend hours updating Salesforce\"",
                "\"well you know the thing is that our reps spend hours updating Salesforce and then the managers cannot see "
                        + "anything in the pipeline reviews and forecasting is a guess every single quarter\""))
                .as("the label drowned in a paragraph").isFalse();
        assertThat(matches(field("estate-planning", "client_name"), "\"Kenji Nakamura\"", "\"Kenji\"")).isFalse();
    }

    @Test
    void listsMatchItemByItemAndEnumsExactly() throws Exception {
        FieldDefinition objections = field("estate-planning", "objections");
        assertThat(matches(objections, "[\"price\",\"timing\"]", "[\"timing\",\"price\"]")).isTrue();
        assertThat(matches(objections, "[\"price\",\"timing\"]", "[\"price\"]")).isFalse();
        assertThat(matches(objections, "[\"price\"]", "[\"price\",\"complexity\"]")).isFalse();
        FieldDefinition steps = field("estate-planning", "next_steps");
        assertThat(matches(steps, "[\"email the trust questionnaire\"]", "[\"email you the trust questionnaire tonight\"]")).isTrue();
    }

    @Test
    void falseAnEmptyListAndBlankTextAreEmpty() throws Exception {
        assertThat(ValueMatcher.isEmpty(JSON.readTree("false"))).isTrue();
        assertThat(ValueMatcher.isEmpty(JSON.readTree("[]"))).isTrue();
        assertThat(ValueMatcher.isEmpty(JSON.readTree("\" \""))).isTrue();
        assertThat(ValueMatcher.isEmpty(JSON.readTree("0"))).as("no children is a value").isFalse();
        assertThat(matches(field("estate-planning", "children"), "0", "0")).isTrue();
    }

    private static boolean matches(FieldDefinition field, String expected, String actual) throws Exception {
        JsonNode want = JSON.readTree(expected);
        JsonNode got = JSON.readTree(actual);
        return ValueMatcher.matches(field, want, got);
    }

    private static FieldDefinition field(String schema, String key) {
        return BuiltInSchemas.get(schema).field(key).orElseThrow();
    }
}
