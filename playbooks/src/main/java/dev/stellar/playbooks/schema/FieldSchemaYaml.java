package dev.stellar.playbooks.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.stream.Collectors;

/** Reads and writes schemas as YAML, the format of the built-in ones and of imports and exports. */
public final class FieldSchemaYaml {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private FieldSchemaYaml() {
    }

    /** Reads a schema and checks it; a broken document fails with the line and field, never half-read. */
    public static FieldSchema read(String yaml) {
        FieldSchema schema;
        try {
            schema = YAML.readValue(yaml, FieldSchema.class);
        } catch (JsonMappingException e) {
            throw new FieldSchemaException(line(e.getLocation()), pathOf(e.getPath()) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new FieldSchemaException(line(e.getLocation()), e.getOriginalMessage());
        }
        if (schema == null) {
            throw new FieldSchemaException(0, "the document is empty");
        }
        List<String> problems = schema.problems();
        if (!problems.isEmpty()) {
            throw new FieldSchemaException(0, String.join("; ", problems));
        }
        return schema;
    }

    public static String write(FieldSchema schema) {
        try {
            return YAML.writeValueAsString(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write schema " + schema.key(), e);
        }
    }

    private static int line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }

    private static String pathOf(List<JsonMappingException.Reference> path) {
        if (path.isEmpty()) {
            return "document";
        }
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining()).replaceFirst("^\\.", "");
    }
}
