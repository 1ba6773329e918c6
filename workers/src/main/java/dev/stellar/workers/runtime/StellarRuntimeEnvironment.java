package dev.stellar.workers.runtime;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Derives the runtime from the configuration a person gave, so that connecting to real services is
 * configuration only:
 * <ul>
 *   <li>no {@code spring.datasource.url}: embedded PostgreSQL under the data directory, and demo data;</li>
 *   <li>no {@code spring.temporal.connection.target}: the in-process Temporal service;</li>
 *   <li>{@code stellar.roles} ({@code STELLAR_ROLES}, default {@code web,worker}): without {@code worker} this
 *       process polls no Temporal task queue (the web role is the ui module's to switch).</li>
 * </ul>
 * The values are defaults: anything set explicitly wins.
 */
public class StellarRuntimeEnvironment implements EnvironmentPostProcessor, Ordered {

    public static final String WEB = "web";
    public static final String WORKER = "worker";
    static final String DEFAULT_DATA_DIR = "data";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<String> roles = roles(environment);
        boolean embeddedDatabase = !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
        boolean embeddedTemporal = !StringUtils.hasText(environment.getProperty("spring.temporal.connection.target"));
        Path dataDir = Path.of(environment.getProperty("stellar.data-dir", DEFAULT_DATA_DIR)).toAbsolutePath().normalize();

        Map<String, Object> defaults = new HashMap<>();
        defaults.put("stellar.data-dir", dataDir.toString());
        defaults.put("stellar.embedded.database", embeddedDatabase);
        defaults.put("stellar.demo.enabled", embeddedDatabase);
        defaults.put("stellar.mail.local-sink.enabled", embeddedDatabase);
        defaults.put("stellar.blob.filesystem.root", dataDir.resolve("blobs").toString());
        defaults.put("stellar.vectors.embedded-file", dataDir.resolve("vectors").resolve("chunks.json").toString());
        defaults.put("spring.temporal.test-server.enabled", embeddedTemporal);
        defaults.put("spring.temporal.start-workers", roles.contains(WORKER));
        defaults.put("spring.quartz.auto-startup", roles.contains(WORKER)); // jobs fire on worker nodes only
        environment.getPropertySources().addLast(new MapPropertySource("stellarRuntimeDefaults", defaults));
        if (environment.getProperty("stellar.embedded.database", Boolean.class, false)) {
            EmbeddedPostgresLauncher.startEarly(Path.of(environment.getProperty("stellar.data-dir")).toAbsolutePath().normalize(),
                    environment.getProperty("stellar.embedded.database-port", Integer.class, 0));
        }
    }

    /** The roles this process plays, from {@code stellar.roles}. */
    public static Set<String> roles(ConfigurableEnvironment environment) {
        return roles(environment.getProperty("stellar.roles", WEB + "," + WORKER));
    }

    static Set<String> roles(String value) {
        Set<String> roles = Arrays.stream(value.split(","))
                .map(r -> r.strip().toLowerCase(Locale.ROOT))
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
        for (String role : roles) {
            if (!role.equals(WEB) && !role.equals(WORKER)) {
                throw new IllegalArgumentException("STELLAR_ROLES may contain web and worker, not '" + role + "'");
            }
        }
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("STELLAR_ROLES names no role; use web, worker or web,worker");
        }
        return roles;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after application.yml and profiles are loaded, so their values are seen
    }
}
