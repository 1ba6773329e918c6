package dev.stellar;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import org.springframework.boot.SpringApplication;
import dev.stellar.ui.WebEdge;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Stellar in one process: web edge and worker by default ({@code STELLAR_ROLES}). The core
 * (workers, connectors) is always there; the web edge only in the web role.
 */
@SpringBootApplication(scanBasePackages = {"dev.stellar.workers", "dev.stellar.connectors"})
@Import(WebEdge.class)
@Push
public class StellarApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(StellarApplication.class, args);
    }
}
