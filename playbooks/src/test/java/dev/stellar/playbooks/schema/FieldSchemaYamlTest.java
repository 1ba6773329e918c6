package dev.stellar.playbooks.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldSchemaYamlTest {

    @Test
    void builtInSchemasCarryTheDocumentedKeys() {
        assertThat(BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING).fields()).extracting(FieldDefinition::key)
                .containsExactly("client_name", "spouse_name", "marital_status", "children", "estate_value", "product",
                        "deal_amount", "payment_processed", "outcome", "objections", "next_steps", "follow_up_date");
        assertThat(BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY).fields()).extracting(FieldDefinition::key)
                .containsExactly("company", "budget", "authority", "need", "timeline", "competitors", "deal_stage",
                        "next_meeting");
        assertThat(BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING).field("outcome").orElseThrow().values())
                .containsExactly("Won", "Lost", "Pending");
    }

    @Test
    void writesWhatItReads() {
        FieldSchema schema = BuiltInSchemas.get(BuiltInSchemas.B2B_DISCOVERY);
        assertThat(FieldSchemaYaml.read(FieldSchemaYaml.write(schema))).isEqualTo(schema);
    }

    @Test
    void aWrongTypeNamesItsLineAndField() {
        String yaml = """
                key: renewals
                fields:
                  - key: seats
                    type: integer
                """;
        assertThatThrownBy(() -> FieldSchemaYaml.read(yaml))
                .isInstanceOf(FieldSchemaException.class)
                .hasMessageContaining("line 4")
                .hasMessageContaining("fields[0].type")
                .hasMessageContaining("unknown field type 'integer'");
    }

    @Test
    void brokenRulesAreAllNamed() {
        String yaml = """
                key: Renewals
                fields:
                  - key: stage
                    type: enum
                  - key: stage
                    type: text
                """;
        assertThatThrownBy(() -> FieldSchemaYaml.read(yaml))
                .hasMessageContaining("key: 'Renewals'")
                .hasMessageContaining("fields[0] (stage).values: an enum needs its allowed values")
                .hasMessageContaining("fields[1] (stage).key: duplicate key");
    }

    @Test
    void unknownPropertiesAreRejectedNotIgnored() {
        assertThatThrownBy(() -> FieldSchemaYaml.read("key: renewals\nfields:\n  - key: seats\n    type: number\n    requird: true\n"))
                .hasMessageMatching("line \\d+: fields\\[0]\\.requird: .*");
    }

    @Test
    void anEmptyDocumentIsAnError() {
        assertThatThrownBy(() -> FieldSchemaYaml.read("")).isInstanceOf(FieldSchemaException.class);
        assertThat(new FieldSchema("x", null, null, List.of()).problems()).isNotEmpty();
    }
}
