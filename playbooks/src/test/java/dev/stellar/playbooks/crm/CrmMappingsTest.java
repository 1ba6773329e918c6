package dev.stellar.playbooks.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stellar.playbooks.crm.CrmMapping.FieldMapping;
import dev.stellar.playbooks.crm.CrmMappings.CrmMappingException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CrmMappingsTest {

    private static final Set<String> FIELDS = Set.of("deal_amount", "budget", "outcome", "deal_stage", "next_steps",
            "client_name", "company");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theBuiltInHubSpotMappingReadsAndMatchesDealsByAccountAndContactsByEmail() {
        CrmMapping mapping = CrmMappings.read(CrmMappings.builtInYaml("hubspot"), FIELDS);

        assertThat(mapping.autoApplyAbove()).isEqualTo(0.95);
        assertThat(mapping.objects()).extracting(CrmMapping.ObjectMapping::object).containsExactly("deals", "contacts");
        assertThat(mapping.objects().get(0).match()).isEqualTo(new CrmMapping.Match("stellar_deal_id", "account"));
        assertThat(mapping.objects().get(1).match().by()).isEqualTo("attendee-email");
    }

    @Test
    void theBuiltInSalesforceMappingUpsertsOpportunitiesByItsExternalIdAndLooksContactsUpByEmail() {
        CrmMapping mapping = CrmMappings.read(CrmMappings.builtInYaml("salesforce"), FIELDS);

        assertThat(mapping.objects()).extracting(o -> o.match().property()).containsExactly("Stellar_Deal_Id__c", "Email");
        assertThat(mapping.objects().get(0).onCreate()).containsKeys("Name", "StageName", "CloseDate");
    }

    @Test
    void aMappingNamingAnUnknownFieldOrTransformIsRefusedSayingWhere() {
        String yaml = """
                objects:
                  - object: deals
                    match: { property: stellar_deal_id, by: account }
                    fields:
                      - { field: deal_amont, property: amount, transform: money }
                      - { field: outcome, property: dealstage, transform: magic }
                """;

        assertThatThrownBy(() -> CrmMappings.read(yaml, FIELDS))
                .isInstanceOf(CrmMappingException.class)
                .hasMessageContaining("objects[0].fields[0].field: 'deal_amont' is not a field of the organisation's schemas")
                .hasMessageContaining("objects[0].fields[1].transform: 'magic' is not one of");
    }

    @Test
    void anUnknownKeyIsRefusedNamingItsPathAndLine() {
        assertThatThrownBy(() -> CrmMappings.read("objects:\n  - object: deals\n    colour: red\n    label: Deal\n", FIELDS))
                .isInstanceOf(CrmMappingException.class)
                .hasMessageStartingWith("line ")
                .hasMessageContaining("objects[0].colour: Unrecognized field \"colour\"");
    }

    @Test
    void valuesBecomeWhatTheCrmPropertyTakes() throws Exception {
        assertThat(CrmValues.toCrm(new FieldMapping("deal_amount", "amount", "money", null),
                json("{\"amount\": 120000.00, \"currency\": \"USD\"}"))).contains("120000");
        assertThat(CrmValues.toCrm(new FieldMapping("next_steps", "description", "list", null),
                json("[\"Send proposal\", \"Book legal review\"]"))).contains("Send proposal;Book legal review");
        assertThat(CrmValues.toCrm(new FieldMapping("client_name", "lastname", "last-name", null),
                json("\"Dana van Dijk\""))).contains("van Dijk");
        assertThat(CrmValues.toCrm(new FieldMapping("follow_up", "closedate", "date", null),
                json("\"2026-12-03T10:00:00Z\""))).contains("2026-12-03");
        FieldMapping outcome = new FieldMapping("outcome", "dealstage", null, Map.of("Won", "closedwon"));
        assertThat(CrmValues.toCrm(outcome, json("\"Won\""))).contains("closedwon");
        assertThat(CrmValues.toCrm(outcome, json("\"Pending\""))).as("no option for it: nothing written").isEmpty();
        assertThat(CrmValues.toCrm(outcome, json("null"))).isEmpty();
    }

    @Test
    void numbersAreTheSameWhateverTheirScale() {
        assertThat(CrmValues.same("120000.0", "120000")).isTrue();
        assertThat(CrmValues.same("closedwon", "closedwon")).isTrue();
        assertThat(CrmValues.same(null, "closedwon")).isFalse();
        assertThat(CrmValues.same("120000", "125000")).isFalse();
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }
}
