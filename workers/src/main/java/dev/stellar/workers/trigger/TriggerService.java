package dev.stellar.workers.trigger;

import dev.stellar.playbooks.trigger.CompiledRule;
import dev.stellar.playbooks.trigger.RuleContext;
import dev.stellar.playbooks.trigger.TriggerRules;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import dev.stellar.workers.schema.FieldSchemaService;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's rules, as OPS and ADMIN manage them (checked here, whatever the edge). Saving a rule checks it
 * against the organisation's fields and stores a new version; a new rule starts switched off, to be backtested first.
 */
@Service
public class TriggerService {

    public static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.OPS);
    private static final String SELECT = """
            select r.*, u.display_name as owner_name from trigger_rules r left join users u on u.id = r.owner_id
            """;

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private final JdbcClient jdbc;
    private final FieldSchemaService schemas;
    private final Clock clock;

    public TriggerService(JdbcClient jdbc, FieldSchemaService schemas, Clock clock) {
        this.jdbc = jdbc;
        this.schemas = schemas;
        this.clock = clock;
    }

    public RuleContext context(UUID organizationId) {
        return new RuleContext(schemas.fields(organizationId));
    }

    /** @throws dev.stellar.playbooks.trigger.TriggerRuleException with every problem at its path; nothing is stored */
    @Transactional
    public StoredRule save(Caller caller, String yaml) {
        require(caller, "changing trigger rules");
        CompiledRule rule = TriggerRules.read(yaml, context(caller.organizationId()));
        String key = rule.document().key();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from trigger_rule_versions where organization_id = ?"
                        + " and rule_key = ?")
                .params(caller.organizationId(), key).query(Integer.class).single();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into trigger_rule_versions (organization_id, rule_key, version, document, saved_by, saved_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(caller.organizationId(), key, version, yaml, caller.userId(), now).update();
        jdbc.sql("""
                        insert into trigger_rules (organization_id, rule_key, name, event_type, version, document, owner_id,
                                                   updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (organization_id, rule_key) do update set name = excluded.name,
                            event_type = excluded.event_type, version = excluded.version, document = excluded.document,
                            updated_at = excluded.updated_at""")
                .params(caller.organizationId(), key, rule.document().name(), rule.event().key(), version, yaml,
                        caller.userId(), now)
                .update();
        return find(caller.organizationId(), key).orElseThrow();
    }

    public List<StoredRule> list(Caller caller) {
        require(caller, "seeing trigger rules");
        return jdbc.sql(SELECT + " where r.organization_id = ? order by r.rule_key").params(caller.organizationId())
                .query(this::rule).list();
    }

    public StoredRule get(Caller caller, String key) {
        require(caller, "seeing trigger rules");
        return find(caller.organizationId(), key).orElseThrow(() -> new UnknownRuleException(key));
    }

    /** Switches a rule on or off; firings already running finish. */
    @Transactional
    public StoredRule enable(Caller caller, String key, boolean enabled) {
        require(caller, "switching trigger rules");
        if (jdbc.sql("update trigger_rules set enabled = ?, updated_at = ? where organization_id = ? and rule_key = ?")
                .params(enabled, Timestamp.from(clock.instant()), caller.organizationId(), key).update() == 0) {
            throw new UnknownRuleException(key);
        }
        return find(caller.organizationId(), key).orElseThrow();
    }

    @Transactional
    public void delete(Caller caller, String key) {
        require(caller, "removing trigger rules");
        if (jdbc.sql("delete from trigger_rules where organization_id = ? and rule_key = ?")
                .params(caller.organizationId(), key).update() == 0) {
            throw new UnknownRuleException(key);
        }
    }

    /**
     * A firing as the log shows it.
     *
     * @param checks  the conditions with the values they saw (JSON)
     * @param actions each action with its status and what became of it (JSON)
     */
    public record Firing(UUID id, int version, String event, String subject, Instant firedAt, String status,
                         com.fasterxml.jackson.databind.JsonNode checks, com.fasterxml.jackson.databind.JsonNode actions) {
    }

    /** The rule's firings, newest first. */
    public List<Firing> firings(Caller caller, String key, int limit) {
        require(caller, "seeing trigger firings");
        return jdbc.sql("""
                        select id, rule_version, event_type, subject, fired_at, status, checks::text, actions::text
                        from trigger_firings where organization_id = ? and rule_key = ? order by fired_at desc limit ?""")
                .params(caller.organizationId(), key, limit)
                .query((rs, i) -> new Firing(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), tree(rs.getString(7)), tree(rs.getString(8))))
                .list();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule compiled against the organisation's fields as they are now. */
    public CompiledRule compiled(Caller caller, String key) {
        return TriggerRules.read(get(caller, key).document(), context(caller.organizationId()));
    }

    Optional<StoredRule> find(UUID organizationId, String key) {
        return jdbc.sql(SELECT + " where r.organization_id = ? and r.rule_key = ?").params(organizationId, key)
                .query(this::rule).optional();
    }

    private StoredRule rule(ResultSet rs, int row) throws SQLException {
        return new StoredRule(rs.getString("rule_key"), rs.getString("name"), rs.getString("event_type"),
                rs.getInt("version"), rs.getString("document"), rs.getBoolean("enabled"), rs.getString("owner_name"),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static void require(Caller caller, String action) {
        if (!EDITORS.contains(caller.role())) {
            throw new RoleRequiredException(action, EDITORS);
        }
    }
}
