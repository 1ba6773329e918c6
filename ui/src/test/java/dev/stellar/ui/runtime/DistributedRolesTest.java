package dev.stellar.ui.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.stellar.StellarApplication;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.account.SignupRequest;
import dev.stellar.workers.meeting.MeetingChange;
import dev.stellar.workers.meeting.MeetingResumer;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.UploadRequest;
import dev.stellar.workflows.meeting.MeetingStatus;
import io.temporal.testserver.TestServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The distributed shape in one JVM: a PostgreSQL server and a Temporal service reached by
 * configuration only, a web-only node and a worker-only node of the same application.
 */
class DistributedRolesTest {

    @TempDir
    static Path shared;

    private static EmbeddedPostgres postgres;
    private static TestServer.PortBoundTestServer temporal;
    private static ConfigurableApplicationContext web;
    private static ConfigurableApplicationContext worker;

    @BeforeAll
    static void startServicesAndNodes() throws IOException {
        postgres = EmbeddedPostgres.builder().setDataDirectory(shared.resolve("postgres-server"))
                .setCleanDataDirectory(true).start();
        int temporalPort = freePort();
        temporal = TestServer.createPortBoundServer(temporalPort, false);
        String[] common = {
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.temporal.connection.target=127.0.0.1:" + temporalPort,
                "--stellar.data-dir=" + shared.resolve("node-data"),
                "--stellar.security.jwt-secret=c3RlbGxhci10ZXN0LWtleS10aGF0LWlzLWxvbmctZW5vdWdoLTEyMzQ1Njc4OTA=",
                "--server.port=0"};
        web = node("web", common);
        worker = node("worker", common);
    }

    @AfterAll
    static void stop() throws IOException {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {web, worker}) {
            if (node != null) {
                node.close();
            }
        }
        if (temporal != null) {
            temporal.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void eachNodePlaysOnlyItsRoleAndNoDemoDataIsCreatedOnAConfiguredDatabase() {
        assertThat(web).isInstanceOf(WebServerApplicationContext.class);
        assertThat(web.getBeanNamesForType(MeetingResumer.class)).isEmpty();
        assertThat(web.getEnvironment().getProperty("spring.temporal.start-workers")).isEqualTo("false");

        assertThat(worker).isNotInstanceOf(WebServerApplicationContext.class);
        assertThat(worker.getBeanNamesForType(MeetingResumer.class)).hasSize(1);

        assertThat(web.getBean(AccountService.class).findByEmail("rep@demo.stellar")).isEmpty();
    }

    @Test
    void aMeetingUploadedOnTheWebNodeIsProcessedByTheWorkerNodeAndTheWebNodeHearsOfIt() {
        AccountService accounts = web.getBean(AccountService.class);
        Caller rep = accounts.signup(new SignupRequest("Split Co", "Riley Rep", "riley@split.example", "correct horse battery"));
        MeetingService webMeetings = web.getBean(MeetingService.class);
        List<MeetingChange> heardOnWeb = new CopyOnWriteArrayList<>();

        try (var subscription = webMeetings.onChange(rep, heardOnWeb::add)) {
            MeetingSummary uploaded = webMeetings.upload(rep, new UploadRequest("call.txt",
                    "[00:00:01] Riley Rep: The package is $9,000.\n[00:00:04] Sam Buyer: Let's do it.\n"
                            .getBytes(StandardCharsets.UTF_8), null, null));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heardOnWeb)
                    .extracting(MeetingChange::status).contains(MeetingStatus.COMPLETED));
            assertThat(webMeetings.detail(rep, uploaded.id()).orElseThrow().insights())
                    .filteredOn(i -> i.key().equals("outcome")).extracting(i -> i.value().asText()).containsExactly("Won");
        }
    }

    private static ConfigurableApplicationContext node(String role, String[] common) {
        String[] args = new String[common.length + 1];
        System.arraycopy(common, 0, args, 0, common.length);
        args[common.length] = "--stellar.roles=" + role;
        return new SpringApplicationBuilder(StellarApplication.class).run(args);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
