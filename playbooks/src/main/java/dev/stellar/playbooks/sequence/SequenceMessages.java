package dev.stellar.playbooks.sequence;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Renders a step's subject and body with Mustache: {@code {{contact.first_name}}}, optional parts as sections
 * ({@code {{#fields.next_meeting}}...{{/fields.next_meeting}}}). Plain text, nothing escaped, nothing executable.
 */
public final class SequenceMessages {

    /** The variables a template may use; {@code fields.<key>} is any extracted field of the meeting's schema. */
    public static final Set<String> VARIABLES = Set.of("contact.name", "contact.first_name", "contact.email", "rep.name",
            "rep.first_name", "meeting.title", "meeting.date", "fields.<key>");

    /** Checks strictly: an unknown variable is an error where a template is saved. */
    private static final Mustache.Compiler STRICT = Mustache.compiler().escapeHTML(false);
    /** Renders leniently: a field the meeting lacks is empty, not a failed send. */
    private static final Mustache.Compiler LENIENT = Mustache.compiler().escapeHTML(false).defaultValue("");

    private SequenceMessages() {
    }

    /** What the message says about the problem, or empty when the template compiles and uses known variables. */
    static Optional<String> check(String template) {
        try {
            STRICT.compile(template).execute(sample());
            return Optional.empty();
        } catch (MustacheException e) {
            return Optional.of(e.getMessage() + " (variables: " + String.join(", ", VARIABLES.stream().sorted().toList())
                    + ")");
        }
    }

    /**
     * @param variables nested maps, e.g. {@code contact -> {first_name -> Pat}}, {@code fields -> {company -> Acme}}
     */
    public static String render(String template, Map<String, Object> variables) {
        Template compiled = LENIENT.compile(template);
        return compiled.execute(variables);
    }

    /** Every known variable with a sample value; any field key is accepted. */
    private static Map<String, Object> sample() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("contact", Map.of("name", "Pat Lee", "first_name", "Pat", "email", "pat@example.com"));
        sample.put("rep", Map.of("name", "Riley Rep", "first_name", "Riley"));
        sample.put("meeting", Map.of("title", "Discovery call", "date", "2026-11-25"));
        sample.put("fields", new AnyKey());
        return sample;
    }

    /** A map that holds every key, for checking templates against a schema's fields without knowing them all. */
    private static final class AnyKey extends AbstractMap<String, Object> {

        @Override
        public boolean containsKey(Object key) {
            return true;
        }

        @Override
        public Object get(Object key) {
            return "sample";
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return Set.of();
        }
    }
}
