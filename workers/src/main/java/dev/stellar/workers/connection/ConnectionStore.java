package dev.stellar.workers.connection;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.stellar.workers.connection.Connection.Event;
import dev.stellar.workers.connection.Connection.Type;
import dev.stellar.workers.persistence.JsonColumns;
import dev.stellar.workers.runtime.StellarProperties;
import dev.stellar.workers.secrets.SecretCipher;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Connections and their events. Secrets go in encrypted (one JSON object per connection) and come out only for a call. */
@Repository
public class ConnectionStore {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final SecretCipher cipher;
    private final StellarProperties stellar;
    private final Clock clock;

    public ConnectionStore(JdbcClient jdbc, JsonColumns json, SecretCipher cipher, StellarProperties stellar, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.cipher = cipher;
        this.stellar = stellar;
        this.clock = clock;
    }

    @Transactional
    public Connection create(UUID organizationId, Type type, String name, Map<String, String> settings,
                             Map<String, String> secrets) {
        UUID id = UUID.randomUUID();
        byte[] key = new byte[24];
        RANDOM.nextBytes(key);
        jdbc.sql("""
                        insert into connections (id, organization_id, type, name, settings, secrets_encrypted, webhook_key,
                                                 created_at)
                        values (?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(id, organizationId, type.name(), name, json.write(settings),
                        cipher.encrypt(organizationId, json.write(secrets)),
                        Base64.getUrlEncoder().withoutPadding().encodeToString(key), Timestamp.from(clock.instant()))
                .update();
        return find(organizationId, id).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Connection> all(UUID organizationId) {
        return jdbc.sql("select * from connections where organization_id = ? order by created_at").params(organizationId)
                .query(this::connection).list();
    }

    @Transactional(readOnly = true)
    public Optional<Connection> find(UUID organizationId, UUID id) {
        return jdbc.sql("select * from connections where organization_id = ? and id = ?").params(organizationId, id)
                .query(this::connection).optional();
    }

    /** The connection a webhook is for: the key in its URL is the only way an event names its organisation. */
    @Transactional(readOnly = true)
    public Optional<Connection> byWebhookKey(Type type, String key) {
        return jdbc.sql("select * from connections where webhook_key = ? and type = ?").params(key, type.name())
                .query(this::connection).optional();
    }

    @Transactional(readOnly = true)
    public Map<String, String> secrets(UUID organizationId, UUID id) {
        return jdbc.sql("select secrets_encrypted from connections where organization_id = ? and id = ?")
                .params(organizationId, id).query(String.class).optional()
                .map(stored -> json.read(cipher.decrypt(organizationId, stored), MAP))
                .orElse(Map.of());
    }

    /** Adds or replaces secrets of a connection (e.g. the refresh token an OAuth consent gave), encrypted like the rest. */
    @Transactional
    public void putSecrets(UUID organizationId, UUID id, Map<String, String> added) {
        Map<String, String> secrets = new java.util.LinkedHashMap<>(secrets(organizationId, id));
        secrets.putAll(added);
        jdbc.sql("update connections set secrets_encrypted = ? where organization_id = ? and id = ?")
                .params(cipher.encrypt(organizationId, json.write(secrets)), organizationId, id).update();
    }

    @Transactional
    public boolean delete(UUID organizationId, UUID id) {
        return jdbc.sql("delete from connections where organization_id = ? and id = ?").params(organizationId, id).update() == 1;
    }

    /** Notes what arrived and what became of it; an error also becomes the connection's last error. */
    @Transactional
    public void event(Connection connection, String kind, String detail, boolean error) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("insert into connection_events (connection_id, organization_id, at, kind, detail) values (?, ?, ?, ?, ?)")
                .params(connection.id(), connection.organizationId(), now, kind, detail).update();
        jdbc.sql("""
                        update connections set last_event_at = ?, last_event = ?,
                            last_error = case when ? then ? else last_error end
                        where id = ? and organization_id = ?""")
                .params(now, kind + (detail == null ? "" : ": " + detail), error, detail, connection.id(),
                        connection.organizationId())
                .update();
    }

    @Transactional(readOnly = true)
    public List<Event> events(UUID organizationId, UUID id, int limit) {
        return jdbc.sql("select at, kind, detail from connection_events where organization_id = ? and connection_id = ?"
                        + " order by at desc limit ?")
                .params(organizationId, id, limit)
                .query((rs, i) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("detail")))
                .list();
    }

    private Connection connection(ResultSet rs, int row) throws SQLException {
        UUID organizationId = rs.getObject("organization_id", UUID.class);
        Type type = Type.valueOf(rs.getString("type"));
        String secrets = rs.getString("secrets_encrypted");
        java.util.Set<String> secretKeys = secrets == null ? java.util.Set.of()
                : json.read(cipher.decrypt(organizationId, secrets), MAP).keySet();
        return new Connection(rs.getObject("id", UUID.class), organizationId, type, rs.getString("name"),
                json.read(rs.getString("settings"), MAP), secretKeys,
                type.sendsEvents() ? stellar.publicUrl() + "/webhooks/" + type.name().toLowerCase(java.util.Locale.ROOT)
                        + "/" + rs.getString("webhook_key") : null,
                instant(rs, "created_at"), instant(rs, "last_event_at"), rs.getString("last_event"),
                rs.getString("last_error"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
