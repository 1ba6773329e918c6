package dev.stellar.workers.crm;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords.ChangedRecord;
import dev.stellar.playbooks.crm.CrmMapping.Pull;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.ConnectionStore;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changes flowing back: reads the deals the CRM changed since the connection's cursor, compares each with the deal as
 * last seen, and records what changed as deal events. The first pull of a connection only learns the deals (a baseline,
 * no events); each page is stored with its cursor in one transaction, so a pull cut off half-way resumes where it was.
 */
@Component
public class CrmPuller {

    /** Records per page read from the CRM. */
    static final int PAGE = 200;
    private static final Map<String, String> EVENTS = Map.of("stage", "deal.stage_changed", "amount",
            "deal.amount_changed", "close_date", "deal.close_date_changed", "owner", "deal.owner_changed");

    /** What one pull saw. */
    public record Pulled(int changed, int events, boolean baseline) {
    }

    private final CrmClients clients;
    private final CrmMappingStore mappings;
    private final ConnectionStore connections;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public CrmPuller(CrmClients clients, CrmMappingStore mappings, ConnectionStore connections, JdbcClient jdbc,
                     TransactionTemplate transactions, Clock clock) {
        this.clients = clients;
        this.mappings = mappings;
        this.connections = connections;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** @throws CrmException when the CRM cannot be read (noted on the connection; the next pull tries again) */
    public Pulled pull(UUID organizationId, UUID connectionId) {
        Connection connection = connections.find(organizationId, connectionId).orElse(null);
        Pull pull = connection == null ? null : mappings.mapping(connection).pull();
        if (pull == null) {
            return new Pulled(0, 0, false);
        }
        record Cursor(Instant until, String lastId) {
        }
        Optional<Cursor> cursor = jdbc.sql("select pulled_until, last_id from crm_pull_cursors where connection_id = ?")
                .params(connectionId)
                .query((rs, i) -> new Cursor(rs.getTimestamp(1).toInstant(), rs.getString(2))).optional();
        boolean baseline = cursor.isEmpty();
        Instant since = cursor.map(Cursor::until).orElse(Instant.EPOCH);
        String afterId = cursor.map(Cursor::lastId).orElse(null);
        int changed = 0;
        int events = 0;
        try {
            while (true) {
                List<ChangedRecord> page = clients.open(connection).changedSince(pull.object(), since, afterId,
                        pull.fields(), PAGE);
                if (page.isEmpty()) {
                    break;
                }
                ChangedRecord last = page.get(page.size() - 1);
                int raised = transactions.execute(status -> store(connection, pull, page, baseline, last));
                changed += page.size();
                events += raised;
                if (page.size() < PAGE) {
                    break;
                }
                since = last.modifiedAt();
                afterId = last.id();
            }
            if (baseline && changed == 0) {
                markPulled(connection, Instant.EPOCH, null);
            }
        } catch (CrmException e) {
            connections.event(connection, "pull failed", e.getMessage(), true);
            throw e;
        }
        if (changed > 0) {
            connections.event(connection, "pull", baseline ? changed + " deal(s) learnt"
                    : changed + " deal(s) changed, " + events + " event(s)", false);
        }
        return new Pulled(changed, events, baseline);
    }

    /**
     * What Stellar itself just wrote to a deal, so that a change people make in the CRM afterwards (before the next
     * pull) is told apart from Stellar's own write; fields not written keep what was known.
     */
    public void written(Connection connection, Pull pull, String crmId, String dealKey, Map<String, String> values) {
        jdbc.sql("""
                        insert into crm_deals (connection_id, organization_id, crm_id, deal_key, stage, amount, close_date,
                                               owner, modified_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (connection_id, crm_id) do update set
                            deal_key = coalesce(excluded.deal_key, crm_deals.deal_key),
                            stage = coalesce(excluded.stage, crm_deals.stage),
                            amount = coalesce(excluded.amount, crm_deals.amount),
                            close_date = coalesce(excluded.close_date, crm_deals.close_date),
                            owner = coalesce(excluded.owner, crm_deals.owner)""")
                .params(connection.id(), connection.organizationId(), crmId, dealKey, written(values, pull.stage()),
                        written(values, pull.amount()), written(values, pull.closeDate()), written(values, pull.owner()),
                        Timestamp.from(clock.instant()))
                .update();
    }

    private static String written(Map<String, String> values, String field) {
        String value = field == null ? null : values.get(field);
        return value == null || value.isEmpty() ? null : value;
    }

    /** Recent deal events of the organisation, newest first. */
    public List<DealEvent> events(UUID organizationId, int limit) {
        return jdbc.sql("""
                        select id, connection_id, type, crm_id, deal_key, field, old_value, new_value, occurred_at
                        from crm_events where organization_id = ? order by occurred_at desc, noticed_at desc limit ?""")
                .params(organizationId, limit)
                .query((rs, i) -> new DealEvent(rs.getObject("id", UUID.class), rs.getObject("connection_id", UUID.class),
                        rs.getString("type"), rs.getString("crm_id"), rs.getString("deal_key"), rs.getString("field"),
                        rs.getString("old_value"), rs.getString("new_value"), rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    private int store(Connection connection, Pull pull, List<ChangedRecord> page, boolean baseline, ChangedRecord last) {
        int raised = 0;
        for (ChangedRecord record : page) {
            Map<String, String> now = new LinkedHashMap<>();
            now.put("stage", value(record, pull.stage()));
            now.put("amount", value(record, pull.amount()));
            now.put("close_date", value(record, pull.closeDate()));
            now.put("owner", value(record, pull.owner()));
            Optional<Map<String, String>> before = jdbc.sql("""
                            select stage, amount, close_date, owner from crm_deals where connection_id = ? and crm_id = ?""")
                    .params(connection.id(), record.id())
                    .query((rs, i) -> {
                        Map<String, String> values = new LinkedHashMap<>();
                        for (String column : List.of("stage", "amount", "close_date", "owner")) {
                            values.put(column, rs.getString(column));
                        }
                        return values;
                    }).optional();
            String key = value(record, pull.key());
            if (before.isPresent() && !baseline) {
                for (Map.Entry<String, String> field : now.entrySet()) {
                    String old = before.get().get(field.getKey());
                    if (field.getValue() != null && !dev.stellar.playbooks.crm.CrmValues.same(old, field.getValue())) {
                        raised += event(connection, record, key, field.getKey(), old, field.getValue());
                    }
                }
            }
            jdbc.sql("""
                            insert into crm_deals (connection_id, organization_id, crm_id, deal_key, stage, amount,
                                                   close_date, owner, modified_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                            on conflict (connection_id, crm_id) do update set deal_key = excluded.deal_key,
                                stage = excluded.stage, amount = excluded.amount, close_date = excluded.close_date,
                                owner = excluded.owner, modified_at = excluded.modified_at""")
                    .params(connection.id(), connection.organizationId(), record.id(), key, now.get("stage"),
                            now.get("amount"), now.get("close_date"), now.get("owner"),
                            Timestamp.from(record.modifiedAt()))
                    .update();
        }
        markPulled(connection, last.modifiedAt(), last.id());
        return raised;
    }

    private int event(Connection connection, ChangedRecord record, String key, String field, String old, String now) {
        UUID id = UUID.nameUUIDFromBytes((connection.id() + "|" + record.id() + "|" + field + "|" + record.modifiedAt())
                .getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("""
                        insert into crm_events (id, organization_id, connection_id, type, crm_id, deal_key, field,
                                                old_value, new_value, occurred_at, noticed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing""")
                .params(id, connection.organizationId(), connection.id(), EVENTS.get(field), record.id(), key, field, old,
                        now, Timestamp.from(record.modifiedAt()), Timestamp.from(clock.instant()))
                .update();
    }

    /** Moves the cursor forward only: a pull that overlapped another never takes it back. */
    private void markPulled(Connection connection, Instant until, String lastId) {
        jdbc.sql("""
                        insert into crm_pull_cursors (connection_id, organization_id, pulled_until, last_id, last_pulled_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (connection_id) do update set pulled_until = excluded.pulled_until,
                            last_id = excluded.last_id, last_pulled_at = excluded.last_pulled_at
                        where (excluded.pulled_until, coalesce(excluded.last_id, ''))
                              >= (crm_pull_cursors.pulled_until, coalesce(crm_pull_cursors.last_id, ''))""")
                .params(connection.id(), connection.organizationId(), Timestamp.from(until), lastId,
                        Timestamp.from(clock.instant()))
                .update();
    }

    private static String value(ChangedRecord record, String field) {
        return field == null ? null : record.values().get(field);
    }
}
