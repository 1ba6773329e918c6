package dev.stellar;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Stellar in one process: web edge and worker by default ({@code STELLAR_ROLES}). */
@SpringBootApplication
@Push
public class StellarApplication implements AppShellConfigurator {

    public static void main(String[] args) {
        SpringApplication.run(StellarApplication.class, args);
    }
}
