package dev.stellar.workers.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real PostgreSQL binaries (zonky) started in-process, with their files under the data directory so
 * data survives a restart. Replaced by a server as soon as {@code spring.datasource.url} is set.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stellar.embedded.database", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(StellarProperties properties) throws IOException {
        Path data = properties.dataDir().resolve("postgres");
        Path binaries = properties.dataDir().resolve("runtime").resolve("postgres");
        Files.createDirectories(binaries);
        boolean existing = Files.exists(data.resolve("PG_VERSION"));
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(binaries.toFile())
                .setPort(properties.embedded() == null ? 0 : properties.embedded().databasePort())
                .setServerConfig("max_connections", "50")
                .start();
        log.info("Embedded PostgreSQL on port {} with {} data in {}", postgres.getPort(), existing ? "existing" : "new", data);
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        dataSource.setPoolName("stellar-embedded");
        return dataSource;
    }
}
