package dev.stellar.ui;

import dev.stellar.connectors.hubspot.HubSpotStub;
import dev.stellar.connectors.salesforce.SalesforceStub;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a random port: embedded PostgreSQL, in-process Temporal, web and worker roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StellarIntegrationTest {

    /** The CRMs for every test of the shared context (one context: one stub each, started once). */
    protected static final HubSpotStub HUBSPOT = new HubSpotStub();
    protected static final SalesforceStub SALESFORCE = new SalesforceStub();

    @DynamicPropertySource
    static void crms(DynamicPropertyRegistry registry) {
        registry.add("stellar.hubspot.base-url", HUBSPOT::baseUrl);
        registry.add("stellar.hubspot.authorize-url", () -> HUBSPOT.baseUrl() + "/oauth/authorize");
        registry.add("stellar.salesforce.login-hosts", () -> "localhost"); // the stub's login URL is on loopback
    }

    @Value("${local.server.port}")
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
