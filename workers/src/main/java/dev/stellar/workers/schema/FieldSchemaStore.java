package dev.stellar.workers.schema;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organisations' own schema versions, as the YAML documents people saved. Every query is scoped to one organisation. */
@Repository
public class FieldSchemaStore {

    /** One saved version. */
    public record StoredSchema(String key, int version, String definition) {
    }

    private final JdbcClient jdbc;

    public FieldSchemaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredSchema> latest(UUID organizationId, String key) {
        return jdbc.sql("""
                        select schema_key, version, definition from field_schemas
                        where organization_id = ? and schema_key = ? order by version desc limit 1""")
                .params(organizationId, key)
                .query((rs, i) -> new StoredSchema(rs.getString("schema_key"), rs.getInt("version"), rs.getString("definition")))
                .optional();
    }

    public Optional<StoredSchema> version(UUID organizationId, String key, int version) {
        return jdbc.sql("select schema_key, version, definition from field_schemas where organization_id = ? and schema_key = ? and version = ?")
                .params(organizationId, key, version)
                .query((rs, i) -> new StoredSchema(rs.getString("schema_key"), rs.getInt("version"), rs.getString("definition")))
                .optional();
    }

    public List<StoredSchema> latestOfEach(UUID organizationId) {
        return jdbc.sql("""
                        select distinct on (schema_key) schema_key, version, definition from field_schemas
                        where organization_id = ? order by schema_key, version desc""")
                .params(organizationId)
                .query((rs, i) -> new StoredSchema(rs.getString("schema_key"), rs.getInt("version"), rs.getString("definition")))
                .list();
    }

    /**
     * Appends the next version; saving the latest document again keeps its version (a resubmitted form makes no new
     * one). The primary key turns a concurrent save of the same version into an error, never a lost write.
     */
    public int append(UUID organizationId, String key, String definition, UUID userId, Instant now) {
        Optional<StoredSchema> latest = latest(organizationId, key);
        if (latest.isPresent() && latest.get().definition().equals(definition)) {
            return latest.get().version();
        }
        int next = latest.map(s -> s.version() + 1).orElse(1);
        jdbc.sql("""
                        insert into field_schemas (organization_id, schema_key, version, definition, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(organizationId, key, next, definition, userId, Timestamp.from(now))
                .update();
        return next;
    }

    public String defaultKey(UUID organizationId) {
        return jdbc.sql("select default_field_schema from organizations where id = ?")
                .param(organizationId)
                .query(String.class)
                .single();
    }

    public void setDefault(UUID organizationId, String key) {
        jdbc.sql("update organizations set default_field_schema = ? where id = ?").params(key, organizationId).update();
    }
}
