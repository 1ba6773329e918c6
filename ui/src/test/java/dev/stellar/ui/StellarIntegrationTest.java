package dev.stellar.ui;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The whole application on a random port: embedded PostgreSQL, in-process Temporal, web and worker roles. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class StellarIntegrationTest {

    @Value("${local.server.port}")
    protected int port;

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
