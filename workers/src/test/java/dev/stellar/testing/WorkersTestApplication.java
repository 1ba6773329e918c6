package dev.stellar.testing;

import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The workers' core without the web edge, for the workers' integration tests. It lives outside the
 * packages the application scans, so it never joins a real application context.
 */
@SpringBootApplication(scanBasePackages = {"dev.stellar.workers", "dev.stellar.connectors"})
@AutoConfigurationPackage(basePackages = "dev.stellar.workers") // Spring Data repositories live there
public class WorkersTestApplication {
}
