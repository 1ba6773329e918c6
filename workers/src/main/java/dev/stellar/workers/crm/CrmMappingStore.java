package dev.stellar.workers.crm;

import dev.stellar.playbooks.crm.CrmMapping;
import dev.stellar.playbooks.crm.CrmMappings;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.schema.FieldSchemaService;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Each CRM connection's mapping: the organisation's own document, or the built-in one for that CRM. */
@Repository
public class CrmMappingStore {

    private final JdbcClient jdbc;
    private final FieldSchemaService schemas;
    private final Clock clock;

    public CrmMappingStore(JdbcClient jdbc, FieldSchemaService schemas, Clock clock) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.clock = clock;
    }

    /** The mapping's YAML as ops edit it. */
    @Transactional(readOnly = true)
    public String document(Connection connection) {
        return stored(connection).orElseGet(() -> CrmMappings.builtInYaml(connection.type().name().toLowerCase(Locale.ROOT)));
    }

    /** The mapping in force: checked strictly when saved, here only for what would stop it working. */
    @Transactional(readOnly = true)
    public CrmMapping mapping(Connection connection) {
        return CrmMappings.read(document(connection), null);
    }

    /**
     * @throws CrmMappings.CrmMappingException naming what is wrong and where; nothing is stored then
     */
    @Transactional
    public CrmMapping save(Connection connection, String yaml, UUID userId) {
        CrmMapping mapping = CrmMappings.read(yaml, schemas.fieldKeys(connection.organizationId()));
        jdbc.sql("""
                        insert into crm_mappings (connection_id, organization_id, document, updated_by, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (connection_id) do update set document = excluded.document,
                            updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(connection.id(), connection.organizationId(), yaml, userId, Timestamp.from(clock.instant()))
                .update();
        return mapping;
    }

    private Optional<String> stored(Connection connection) {
        return jdbc.sql("select document from crm_mappings where connection_id = ? and organization_id = ?")
                .params(connection.id(), connection.organizationId()).query(String.class).optional();
    }
}
