package dev.stellar.workers;

import dev.stellar.connectors.hubspot.HubSpotStub;
import dev.stellar.connectors.salesforce.SalesforceStub;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import dev.stellar.testing.WorkersTestApplication;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.SignupRequest;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Base of the workers' integration tests: the real embedded runtime (PostgreSQL binaries, the
 * in-process Temporal service, the meeting workers), without the web edge.
 */
@SpringBootTest(classes = WorkersTestApplication.class, properties = "spring.config.import=classpath:stellar-workers.yml")
public abstract class WorkersIntegrationTest {

    /** The CRMs for every test of the shared context (one context: one stub each, started once). */
    protected static final HubSpotStub HUBSPOT = new HubSpotStub();
    protected static final SalesforceStub SALESFORCE = new SalesforceStub();

    @DynamicPropertySource
    static void crms(DynamicPropertyRegistry registry) {
        registry.add("stellar.hubspot.base-url", HUBSPOT::baseUrl);
        registry.add("stellar.salesforce.login-hosts", () -> "localhost"); // the stub's login URL is on loopback
    }

    @Autowired
    protected AccountService accounts;

    /** A new organisation per test, so tests never see each other's data. */
    protected Caller newOrganisation(String name) {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        return accounts.signup(new SignupRequest(name + " " + unique, "Riley Rep",
                "riley-" + unique + "@" + name.toLowerCase().replace(' ', '-') + ".example", "correct horse battery"));
    }
}
