package dev.stellar.ui;

import dev.stellar.workers.runtime.StellarRuntimeEnvironment;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Without the web role ({@code STELLAR_ROLES=worker}) the process starts no web server and none of
 * the web edge: {@link WebEdge} and the Vaadin auto-configuration stay out. With demo data (whose
 * passwords everyone knows) the server listens on the loopback interface only, unless
 * {@code server.address} says otherwise.
 */
public class WebRoleEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!StellarRuntimeEnvironment.roles(environment).contains(StellarRuntimeEnvironment.WEB)) {
            environment.getPropertySources().addFirst(new MapPropertySource("stellarWorkerOnly", Map.of(
                    "spring.main.web-application-type", "none",
                    "spring.autoconfigure.exclude", String.join(",",
                            "com.vaadin.flow.spring.SpringBootAutoConfiguration",
                            "com.vaadin.flow.spring.SpringSecurityAutoConfiguration",
                            "com.vaadin.flow.spring.VaadinScopesConfig"))));
        }
        boolean demo = environment.getProperty("stellar.demo.enabled", Boolean.class,
                !StringUtils.hasText(environment.getProperty("spring.datasource.url")));
        if (demo) {
            environment.getPropertySources().addLast(new MapPropertySource("stellarDemoLoopback",
                    Map.of("server.address", "127.0.0.1")));
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
