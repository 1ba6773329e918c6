package dev.stellar.ui;

import dev.stellar.workers.runtime.StellarRuntimeEnvironment;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Without the web role ({@code STELLAR_ROLES=worker}) the process starts no web server and none of
 * the web edge: {@link WebEdge} and the Vaadin auto-configuration stay out.
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
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
