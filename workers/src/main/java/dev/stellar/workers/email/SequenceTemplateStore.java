package dev.stellar.workers.email;

import dev.stellar.playbooks.sequence.SequenceTemplate;
import dev.stellar.playbooks.sequence.SequenceTemplates;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequence templates: the built-in ones, and an organisation's own versions (every save a new version; an organisation's
 * version of a built-in key replaces it for that organisation). Enrollments keep the version they started with.
 */
@Repository
public class SequenceTemplateStore {

    /** @param version {@code null} for a built-in template as shipped */
    public record Resolved(SequenceTemplate template, Integer version) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    public SequenceTemplateStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every template the organisation can enroll contacts in, at its latest version, by key. */
    @Transactional(readOnly = true)
    public List<Resolved> all(UUID organizationId) {
        Map<String, Resolved> byKey = new LinkedHashMap<>();
        SequenceTemplates.builtIn().forEach(t -> byKey.put(t.key(), new Resolved(t, null)));
        jdbc.sql("""
                        select distinct on (key) key, version, document from sequence_templates
                        where organization_id = ? order by key, version desc""")
                .params(organizationId)
                .query((rs, i) -> new Resolved(SequenceTemplates.read(rs.getString("document")), rs.getInt("version")))
                .list()
                .forEach(r -> byKey.put(r.template().key(), r));
        return new ArrayList<>(byKey.values());
    }

    /** @param version {@code null} for the latest (the organisation's, else the built-in one) */
    @Transactional(readOnly = true)
    public Optional<Resolved> resolve(UUID organizationId, String key, Integer version) {
        Optional<Resolved> own = jdbc.sql("""
                        select version, document from sequence_templates
                        where organization_id = ? and key = ? and (cast(? as integer) is null or version = ?)
                        order by version desc limit 1""")
                .params(organizationId, key, version, version)
                .query((rs, i) -> new Resolved(SequenceTemplates.read(rs.getString("document")), rs.getInt("version")))
                .optional();
        if (own.isPresent() || version != null) {
            return own;
        }
        return SequenceTemplates.builtIn().stream().filter(t -> t.key().equals(key)).findFirst()
                .map(t -> new Resolved(t, null));
    }

    /** Stores the document as the key's next version; the same document as the latest keeps its version. */
    @Transactional
    public Resolved save(UUID organizationId, UUID userId, String yaml) {
        SequenceTemplate template = SequenceTemplates.read(yaml);
        Optional<Resolved> latest = resolve(organizationId, template.key(), null).filter(r -> r.version() != null);
        if (latest.isPresent() && latest.get().template().equals(template)) {
            return latest.get();
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(organizationId + ":sequence:" + template.key())
                .query(Object.class).optional();
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from sequence_templates where organization_id = ? and key = ?")
                .params(organizationId, template.key()).query(Integer.class).single();
        jdbc.sql("""
                        insert into sequence_templates (organization_id, key, version, name, document, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(organizationId, template.key(), next, template.name(), SequenceTemplates.write(template), userId,
                        Timestamp.from(clock.instant()))
                .update();
        return new Resolved(template, next);
    }
}
