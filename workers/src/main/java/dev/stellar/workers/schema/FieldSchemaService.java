package dev.stellar.workers.schema;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.playbooks.schema.FieldSchema;
import dev.stellar.playbooks.schema.FieldSchemaYaml;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.RoleRequiredException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The schemas an organisation extracts with. Its own saved version of a key wins over the built-in schema of the
 * same key; saving makes a new version, so meetings analysed earlier still name the schema they used. Only OPS and
 * ADMIN change schemas.
 */
@Service
public class FieldSchemaService {

    /** Who changes schemas; views use it to show the editor, this service to allow the change. */
    public static final Set<Role> EDITORS = Set.of(Role.ADMIN, Role.OPS);

    private final FieldSchemaStore store;
    private final Clock clock;

    public FieldSchemaService(FieldSchemaStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SchemaSummary> list(Caller caller) {
        UUID org = caller.organizationId();
        String defaultKey = store.defaultKey(org);
        Map<String, SchemaSummary> byKey = new LinkedHashMap<>();
        for (FieldSchema builtIn : BuiltInSchemas.all()) {
            byKey.put(builtIn.key(), summary(builtIn, null, true, defaultKey));
        }
        for (FieldSchemaStore.StoredSchema own : store.latestOfEach(org)) {
            FieldSchema schema = FieldSchemaYaml.read(own.definition());
            byKey.put(own.key(), summary(schema, own.version(), BuiltInSchemas.find(own.key()).isPresent(), defaultKey));
        }
        return new ArrayList<>(byKey.values());
    }

    /** Every field key the organisation's schemas (built-in and its own) define: what mappings may name. */
    @Transactional(readOnly = true)
    public Set<String> fieldKeys(UUID organizationId) {
        return new java.util.TreeSet<>(fields(organizationId).keySet());
    }

    /** Every field the organisation's schemas define, by key; its own schemas' definitions before the built-in ones. */
    @Transactional(readOnly = true)
    public Map<String, dev.stellar.playbooks.schema.FieldDefinition> fields(UUID organizationId) {
        Map<String, dev.stellar.playbooks.schema.FieldDefinition> fields = new java.util.TreeMap<>();
        for (FieldSchemaStore.StoredSchema own : store.latestOfEach(organizationId)) {
            FieldSchemaYaml.read(own.definition()).fields().forEach(field -> fields.putIfAbsent(field.key(), field));
        }
        BuiltInSchemas.all().forEach(schema -> schema.fields().forEach(field -> fields.putIfAbsent(field.key(), field)));
        return fields;
    }

    /** The schema as the organisation uses it now, for display and export. */
    @Transactional(readOnly = true)
    public ResolvedSchema get(Caller caller, String key) {
        return resolve(caller.organizationId(), key);
    }

    public String export(Caller caller, String key) {
        return FieldSchemaYaml.write(get(caller, key).schema());
    }

    /**
     * Saves a schema document as the next version of its key.
     *
     * @throws dev.stellar.playbooks.schema.FieldSchemaException the document is broken; nothing was saved
     */
    @Transactional
    public ResolvedSchema save(Caller caller, String yaml) {
        requireEditor(caller);
        FieldSchema schema = FieldSchemaYaml.read(yaml);
        try {
            int version = store.append(caller.organizationId(), schema.key(), yaml, caller.userId(), clock.instant());
            return new ResolvedSchema(schema, version);
        } catch (DuplicateKeyException e) {
            throw new ConcurrentSchemaChangeException(schema.key());
        }
    }

    @Transactional
    public void setDefault(Caller caller, String key) {
        requireEditor(caller);
        resolve(caller.organizationId(), key); // unknown keys fail here
        store.setDefault(caller.organizationId(), key);
    }

    /** The organisation's current version of a key (its own, else the built-in). */
    @Transactional(readOnly = true)
    public ResolvedSchema resolve(UUID organizationId, String key) {
        Optional<FieldSchemaStore.StoredSchema> own = store.latest(organizationId, key);
        if (own.isPresent()) {
            return new ResolvedSchema(FieldSchemaYaml.read(own.get().definition()), own.get().version());
        }
        return BuiltInSchemas.find(key).map(s -> new ResolvedSchema(s, null))
                .orElseThrow(() -> new UnknownSchemaException(key, knownKeys(organizationId)));
    }

    /**
     * The schema a meeting was registered with: the organisation's saved version it names, or the built-in schema of
     * its key as this release ships it. Meetings from before schemas ({@code null} key) were extracted with the first
     * field set, closest to the estate-planning schema: they keep that one, whatever the organisation's default
     * becomes.
     */
    @Transactional(readOnly = true)
    public ResolvedSchema resolve(UUID organizationId, String key, Integer version) {
        if (key == null) {
            return new ResolvedSchema(BuiltInSchemas.get(BuiltInSchemas.ESTATE_PLANNING), null);
        }
        if (version == null) {
            return BuiltInSchemas.find(key).map(s -> new ResolvedSchema(s, null))
                    .orElseGet(() -> resolve(organizationId, key));
        }
        return store.version(organizationId, key, version)
                .map(s -> new ResolvedSchema(FieldSchemaYaml.read(s.definition()), s.version()))
                .orElseGet(() -> resolve(organizationId, key));
    }

    /** The schema a new meeting gets: the one named, else the organisation's default. */
    @Transactional(readOnly = true)
    public ResolvedSchema forNewMeeting(UUID organizationId, String requestedKey) {
        String key = requestedKey == null || requestedKey.isBlank() ? store.defaultKey(organizationId) : requestedKey.strip();
        return resolve(organizationId, key);
    }

    private Set<String> knownKeys(UUID organizationId) {
        Set<String> keys = new LinkedHashSet<>();
        BuiltInSchemas.all().forEach(s -> keys.add(s.key()));
        store.latestOfEach(organizationId).forEach(s -> keys.add(s.key()));
        return keys;
    }

    private static SchemaSummary summary(FieldSchema schema, Integer version, boolean builtIn, String defaultKey) {
        return new SchemaSummary(schema.key(), schema.name(), schema.description(), schema.fields().size(), version, builtIn,
                schema.key().equals(defaultKey));
    }

    private static void requireEditor(Caller caller) {
        if (!EDITORS.contains(caller.role())) {
            throw new RoleRequiredException("changing field schemas", EDITORS);
        }
    }
}
