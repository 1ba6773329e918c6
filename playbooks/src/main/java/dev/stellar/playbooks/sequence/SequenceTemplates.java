package dev.stellar.playbooks.sequence;

import dev.stellar.playbooks.yaml.YamlDocuments;
import dev.stellar.playbooks.yaml.YamlDocuments.DocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Sequence templates as YAML, and the built-in ones ({@code sequences/*.yaml}). */
public final class SequenceTemplates {

    /** Key of the built-in sequence after a sales meeting. */
    public static final String AFTER_THE_MEETING = "after-the-meeting";
    private static final List<String> BUILT_IN = List.of(AFTER_THE_MEETING);

    private SequenceTemplates() {
    }

    /** Reads and checks a template; a broken one fails with its line and field, never half-read. */
    public static SequenceTemplate read(String yaml) {
        SequenceTemplate template;
        try {
            template = YamlDocuments.read(yaml, SequenceTemplate.class);
        } catch (DocumentException e) {
            throw new SequenceTemplateException(e.line(), e.getMessage());
        }
        List<String> problems = template.problems();
        if (!problems.isEmpty()) {
            throw new SequenceTemplateException(0, String.join("; ", problems));
        }
        return template;
    }

    public static String write(SequenceTemplate template) {
        return YamlDocuments.write(template);
    }

    public static List<SequenceTemplate> builtIn() {
        return BUILT_IN.stream().map(SequenceTemplates::load).toList();
    }

    private static SequenceTemplate load(String key) {
        try (InputStream in = SequenceTemplates.class.getResourceAsStream("/sequences/" + key + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("built-in sequence missing: " + key);
            }
            return read(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
