package dev.stellar.playbooks.schema;

import dev.stellar.playbooks.yaml.YamlDocuments;
import dev.stellar.playbooks.yaml.YamlDocuments.DocumentException;
import java.util.List;

/** Reads and writes schemas as YAML, the format of the built-in ones and of imports and exports. */
public final class FieldSchemaYaml {

    private FieldSchemaYaml() {
    }

    /** Reads a schema and checks it; a broken document fails with the line and field, never half-read. */
    public static FieldSchema read(String yaml) {
        FieldSchema schema;
        try {
            schema = YamlDocuments.read(yaml, FieldSchema.class);
        } catch (DocumentException e) {
            throw new FieldSchemaException(e.line(), e.getMessage());
        }
        List<String> problems = schema.problems();
        if (!problems.isEmpty()) {
            throw new FieldSchemaException(0, String.join("; ", problems));
        }
        return schema;
    }

    public static String write(FieldSchema schema) {
        return YamlDocuments.write(schema);
    }
}
