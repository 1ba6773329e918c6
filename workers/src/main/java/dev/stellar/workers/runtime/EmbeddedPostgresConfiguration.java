package dev.stellar.workers.runtime;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Real PostgreSQL binaries (zonky) started in-process, with their files under the data directory so
 * data survives a restart. Replaced by a server as soon as {@code spring.datasource.url} is set.
 * The database is started early by {@link StellarRuntimeEnvironment}, in parallel with the context.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "stellar.embedded.database", havingValue = "true")
public class EmbeddedPostgresConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(StellarProperties properties) {
        return EmbeddedPostgresLauncher.take(properties.dataDir(), properties.embedded().databasePort());
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
