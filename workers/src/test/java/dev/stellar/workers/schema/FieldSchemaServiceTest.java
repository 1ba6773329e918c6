package dev.stellar.workers.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stellar.playbooks.schema.FieldSchemaException;
import dev.stellar.workers.WorkersIntegrationTest;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class FieldSchemaServiceTest extends WorkersIntegrationTest {

    private static final String RENEWAL_V1 = """
            key: renewal-call
            name: Renewal call
            fields:
              - key: seats
                type: number
            """;
    private static final String RENEWAL_V2 = RENEWAL_V1 + """
              - key: renewal_risk
                type: enum
                values: [low, medium, high]
            """;

    @Autowired
    FieldSchemaService schemas;

    @Test
    void savingMakesVersionsAndMeetingsKeepTheOneTheyUsed() {
        Caller admin = newOrganisation("Schemas");

        ResolvedSchema first = schemas.save(admin, RENEWAL_V1);
        ResolvedSchema second = schemas.save(admin, RENEWAL_V2);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(schemas.save(admin, RENEWAL_V2).version()).as("the same document again makes no new version").isEqualTo(2);
        assertThat(schemas.resolve(admin.organizationId(), "renewal-call", 1).schema().fields()).hasSize(1);
        assertThat(schemas.resolve(admin.organizationId(), "renewal-call").schema().fields()).hasSize(2);
        assertThat(schemas.list(admin)).extracting(SchemaSummary::key)
                .containsExactly("estate-planning", "b2b-discovery", "renewal-call");
        assertThat(schemas.export(admin, "renewal-call")).contains("renewal_risk");
    }

    @Test
    void anOrganisationsVersionOfABuiltInWinsOnlyForItself() {
        Caller admin = newOrganisation("Customised");
        Caller other = newOrganisation("Untouched");
        schemas.save(admin, """
                key: b2b-discovery
                name: Our discovery
                fields:
                  - key: company
                    type: text
                """);

        assertThat(schemas.resolve(admin.organizationId(), "b2b-discovery").schema().name()).isEqualTo("Our discovery");
        assertThat(schemas.resolve(other.organizationId(), "b2b-discovery").builtIn()).isTrue();
        assertThat(schemas.resolve(other.organizationId(), "b2b-discovery", null).schema().fields()).hasSize(8);
    }

    @Test
    void theDefaultNamesWhatNewMeetingsGet() {
        Caller admin = newOrganisation("Defaults");
        assertThat(schemas.forNewMeeting(admin.organizationId(), null).schema().key()).isEqualTo("estate-planning");

        schemas.setDefault(admin, "b2b-discovery");

        assertThat(schemas.forNewMeeting(admin.organizationId(), " ").schema().key()).isEqualTo("b2b-discovery");
        assertThat(schemas.resolve(admin.organizationId(), null, null).schema().key())
                .as("a meeting from before schemas keeps the first field set, whatever the default").isEqualTo("estate-planning");
        assertThat(schemas.forNewMeeting(admin.organizationId(), "estate-planning").schema().key()).isEqualTo("estate-planning");
        assertThatThrownBy(() -> schemas.setDefault(admin, "nonexistent")).isInstanceOf(UnknownSchemaException.class)
                .hasMessageContaining("estate-planning, b2b-discovery");
    }

    @Test
    void onlyOpsAndAdminChangeSchemasAndABrokenDocumentSavesNothing() {
        Caller admin = newOrganisation("Roles");
        Caller rep = accounts.createUser(admin.organizationId(), null, "rep-" + UUID.randomUUID() + "@roles.example",
                "Rita Rep", "correct horse battery", Role.REP).toCaller();

        assertThatThrownBy(() -> schemas.save(rep, RENEWAL_V1)).isInstanceOf(RoleRequiredException.class)
                .hasMessageContaining("ADMIN or OPS");
        assertThatThrownBy(() -> schemas.setDefault(rep, "b2b-discovery")).isInstanceOf(RoleRequiredException.class);
        assertThatThrownBy(() -> schemas.save(admin, "key: renewal-call\nfields:\n  - key: seats\n    type: integer\n"))
                .isInstanceOf(FieldSchemaException.class).hasMessageContaining("line 4");
        assertThat(schemas.list(rep)).extracting(SchemaSummary::key).doesNotContain("renewal-call");
    }
}
