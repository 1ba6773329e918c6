package dev.stellar.workers.runtime;

import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StellarProperties.class)
@EnableScheduling
public class RuntimeConfiguration {

    /** The in-process Temporal service runs in real time: timers wait as they would on a cluster. */
    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> inProcessTemporalInRealTime() {
        return builder -> builder.setUseTimeskipping(false);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
