package dev.stellar.playbooks.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** The schemas Stellar ships: the estate-planning consultation it was first built for, and B2B discovery. */
public final class BuiltInSchemas {

    public static final String ESTATE_PLANNING = "estate-planning";
    public static final String B2B_DISCOVERY = "b2b-discovery";

    private static final List<FieldSchema> ALL = List.of(load(ESTATE_PLANNING), load(B2B_DISCOVERY));

    private BuiltInSchemas() {
    }

    public static List<FieldSchema> all() {
        return ALL;
    }

    public static Optional<FieldSchema> find(String key) {
        return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public static FieldSchema get(String key) {
        return find(key).orElseThrow(() -> new IllegalArgumentException("no built-in schema '" + key + "'"));
    }

    private static FieldSchema load(String key) {
        String resource = "/schemas/" + key + ".yaml";
        try (InputStream in = BuiltInSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return FieldSchemaYaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
