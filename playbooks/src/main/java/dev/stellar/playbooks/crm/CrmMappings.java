package dev.stellar.playbooks.crm;

import dev.stellar.playbooks.yaml.YamlDocuments;
import dev.stellar.playbooks.yaml.YamlDocuments.DocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** CRM mappings as YAML, and the built-in ones ({@code crm/<crm>.yaml}). */
public final class CrmMappings {

    private CrmMappings() {
    }

    /**
     * Reads and checks a mapping against the fields the organisation's schemas define; a broken one fails with its line
     * and field, never half-read.
     */
    public static CrmMapping read(String yaml, Set<String> knownFields) {
        CrmMapping mapping;
        try {
            mapping = YamlDocuments.read(yaml, CrmMapping.class);
        } catch (DocumentException e) {
            throw new CrmMappingException(e.line() > 0 ? "line " + e.line() + ": " + e.getMessage() : e.getMessage());
        }
        List<String> problems = mapping.problems(knownFields);
        if (!problems.isEmpty()) {
            throw new CrmMappingException(String.join("; ", problems));
        }
        return mapping;
    }

    /** The built-in mapping's YAML for a CRM ({@code hubspot}, {@code salesforce}), with its comments. */
    public static String builtInYaml(String crm) {
        String name = "/crm/" + crm.toLowerCase(Locale.ROOT) + ".yaml";
        try (InputStream in = CrmMappings.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no built-in CRM mapping " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mapping that cannot be used, with what is wrong and where. */
    public static class CrmMappingException extends RuntimeException {

        public CrmMappingException(String message) {
            super(message);
        }
    }
}
