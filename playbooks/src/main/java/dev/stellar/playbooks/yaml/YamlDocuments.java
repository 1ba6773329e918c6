package dev.stellar.playbooks.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Reads a document strictly (unknown fields and missing numbers are errors) and writes it back. A broken document fails
 * as a {@link DocumentException} with the line and the field's path, e.g. {@code line 7: steps[1].subject: ...}.
 */
public final class YamlDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private YamlDocuments() {
    }

    /** @throws DocumentException with the line and field, or line 0 for an empty document */
    public static <T> T read(String yaml, Class<T> type) {
        T document;
        try {
            document = YAML.readValue(yaml, type);
        } catch (JsonMappingException e) {
            throw new DocumentException(line(e.getLocation()), pathOf(e.getPath()) + ": " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw new DocumentException(line(e.getLocation()), e.getOriginalMessage());
        }
        if (document == null) {
            throw new DocumentException(0, "the document is empty");
        }
        return document;
    }

    public static String write(Object document) {
        try {
            return YAML.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + document.getClass().getSimpleName() + " as YAML", e);
        }
    }

    /** A document that cannot be read, with its 1-based line (0 when it concerns the whole document). */
    public static class DocumentException extends RuntimeException {

        private final int line;

        public DocumentException(int line, String message) {
            super(message);
            this.line = line;
        }

        public int line() {
            return line;
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
