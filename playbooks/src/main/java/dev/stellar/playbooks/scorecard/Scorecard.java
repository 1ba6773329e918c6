package dev.stellar.playbooks.scorecard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The criteria a call of one kind is coached against. */
public record Scorecard(String key, String name, List<Criterion> criteria) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Map<String, Scorecard> BUILT_IN = Map.of(
            "estate-planning", load("estate-planning"), "b2b-discovery", load("b2b-discovery"));

    public Scorecard {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    /** The built-in scorecard for a kind of call (keyed like its field schema), if Stellar ships one. */
    public static Optional<Scorecard> builtIn(String key) {
        return Optional.ofNullable(BUILT_IN.get(key));
    }

    private static Scorecard load(String key) {
        try (InputStream in = Scorecard.class.getResourceAsStream("/scorecards/" + key + ".yaml")) {
            return YAML.readValue(in, Scorecard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("built-in scorecard " + key + " is broken: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scorecard for calls of any kind: the habits every good sales call shares. */
    public static Scorecard general() {
        return builtIn("b2b-discovery").map(card -> new Scorecard("general", "General sales call",
                card.criteria().stream().filter(c -> c.kind() == Criterion.Kind.METRIC || c.key().equals("confirmed_next_steps"))
                        .toList())).orElseThrow();
    }
}
