package dev.stellar.connectors.salesforce;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.RecordWrite;
import dev.stellar.connectors.crm.CrmRecords.WriteResult;
import dev.stellar.connectors.salesforce.Salesforce.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Partner API adapter against WireMock answering with responses captured from real orgs (see the NOTICE). */
class SalesforceClientTest {

    private static final String LOGIN = "/services/Soap/u/65.0";
    private static final String SERVICE = "/services/Soap/u/28.0/00DA0000000YpZ4";

    private WireMockServer server;
    private Salesforce salesforce;

    @BeforeEach
    void start() throws IOException {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        salesforce = new Salesforce(new SalesforceProperties(List.of("localhost"), "65.0", Duration.ofSeconds(5), 200, 2));
        // the captured login names na7.salesforce.com as the org's server: here it is the stub
        server.stubFor(post(urlEqualTo(LOGIN)).withRequestBody(containing("login>"))
                .willReturn(xml(200, fixture("soapforce_login_response.xml")
                        .replace("https://na7.salesforce.com", server.baseUrl()))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private CrmRecords org() {
        return salesforce.open("org-1", new Credentials(server.baseUrl(), "john.doe@email.com", "secret", "TOKEN", null, null, null));
    }

    @Test
    void logsInWithPasswordAndSecurityTokenAndSaysWhichOrgItReached() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).withRequestBody(containing("getUserInfo"))
                .willReturn(xml(200, fixture("soapforce_get_user_info_response.xml"))));

        assertThat(org().describe()).isEqualTo("Salesforce org Developer (00DA0000000YpZ4MAK) as john.doe@email.com");
        server.verify(postRequestedFor(urlEqualTo(LOGIN)).withRequestBody(containing("secretTOKEN")));
        server.verify(postRequestedFor(urlEqualTo(SERVICE)).withRequestBody(containing(
                "00DA0000000YpZ4!ARAAQEH.613sgjdpLDPsev9EBTxM0PMhEzbaCE505DYFCSm8tBkdDBl")));
    }

    @Test
    void upsertsByAnExternalIdFieldSayingWhichRecordsWereCreated() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).withRequestBody(containing("upsert>"))
                .willReturn(xml(200, fixture("soapforce_upsert_response.xml"))));

        List<WriteResult> results = org().upsert("Opportunity", "Stellar_Deal_Id__c", List.of(
                new RecordWrite("acme.example", Map.of("Amount", "120000", "StageName", "Negotiation/Review")),
                new RecordWrite("globex.example", Map.of("Amount", "80000"))));

        assertThat(results).extracting(WriteResult::id).containsExactly("006A000000LbiizIAB", "006A000000LbiizIAB");
        assertThat(results).extracting(WriteResult::created).containsExactly(true, false);
        server.verify(postRequestedFor(urlEqualTo(SERVICE)).withRequestBody(containing("Stellar_Deal_Id__c"))
                .withRequestBody(containing("acme.example")).withRequestBody(containing("120000")));
    }

    @Test
    void anExpiredSessionIsRenewedOnceAndTheCallMadeAgain() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).inScenario("session").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("upsert>"))
                .willReturn(xml(500, fixture("cumulusci_RESPONSE_FAULT.xml")))
                .willSetStateTo("expired"));
        server.stubFor(post(urlEqualTo(SERVICE)).inScenario("session").whenScenarioStateIs("expired")
                .withRequestBody(containing("upsert>"))
                .willReturn(xml(200, fixture("soapforce_upsert_response.xml"))));

        List<WriteResult> results = org().upsert("Opportunity", "Stellar_Deal_Id__c", List.of(
                new RecordWrite("acme.example", Map.of("Amount", "1")), new RecordWrite("globex.example", Map.of())));

        assertThat(results).allMatch(WriteResult::written);
        server.verify(2, postRequestedFor(urlEqualTo(LOGIN)));
        server.verify(2, postRequestedFor(urlEqualTo(SERVICE)));
    }

    @Test
    void aSessionThatStaysInvalidAfterTheReLoginFailsWithSalesforcesWords() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).willReturn(xml(500, fixture("cumulusci_RESPONSE_FAULT.xml"))));

        assertThatThrownBy(() -> org().upsert("Opportunity", "Stellar_Deal_Id__c",
                List.of(new RecordWrite("acme.example", Map.of()))))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.code()).isEqualTo("INVALID_SESSION_ID");
                    assertThat(e.getMessage()).isEqualTo("Salesforce: Invalid Session ID found in SessionHeader: Illegal Session");
                    assertThat(e.retryable()).isFalse();
                });
        server.verify(2, postRequestedFor(urlEqualTo(LOGIN)));
    }

    @Test
    void onlyTheRecordsRefusedForALockAreSentAgain() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).inScenario("lock").whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(containing("upsert>"))
                .willReturn(xml(200, upsertResponse("""
                        <result><created>true</created><id>006A000000LbiizIAB</id><success>true</success></result>
                        <result><errors><message>unable to obtain exclusive access to this record</message>
                        <statusCode>UNABLE_TO_LOCK_ROW</statusCode></errors><id xsi:nil="true"/><success>false</success>
                        </result>
                        <result><errors><fields>CloseDate</fields><message>Required fields are missing: [CloseDate]</message>
                        <statusCode>REQUIRED_FIELD_MISSING</statusCode></errors><id xsi:nil="true"/><success>false</success>
                        </result>""")))
                .willSetStateTo("unlocked"));
        server.stubFor(post(urlEqualTo(SERVICE)).inScenario("lock").whenScenarioStateIs("unlocked")
                .withRequestBody(containing("upsert>"))
                .willReturn(xml(200, upsertResponse("""
                        <result><created>false</created><id>006A000000LbjjzIAB</id><success>true</success></result>"""))));

        List<WriteResult> results = org().upsert("Opportunity", "Stellar_Deal_Id__c", List.of(
                new RecordWrite("acme.example", Map.of("Amount", "1")),
                new RecordWrite("globex.example", Map.of("Amount", "2")),
                new RecordWrite("initech.example", Map.of("Amount", "3"))));

        assertThat(results.get(0).written()).isTrue();
        assertThat(results.get(1).id()).isEqualTo("006A000000LbjjzIAB");
        assertThat(results.get(2).failure().code()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(2).failure().message()).isEqualTo("Required fields are missing: [CloseDate] (CloseDate)");
        assertThat(results.get(2).failure().retryable()).isFalse();
        var second = server.getAllServeEvents().stream().map(e -> e.getRequest().getBodyAsString())
                .filter(body -> body.contains("upsert>")).toList();
        assertThat(second).hasSize(2);
        assertThat(second).anySatisfy(body -> assertThat(body).contains("globex.example")
                .doesNotContain("acme.example").doesNotContain("initech.example"));
    }

    @Test
    void aContactFoundByEmailIsLookedUpFirstAndARefusedCreateCarriesSalesforcesReason() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).withRequestBody(containing("query>"))
                .willReturn(xml(200, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" \
                        xmlns="urn:partner.soap.sforce.com" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                        <soapenv:Body><queryResponse><result xsi:type="QueryResult"><done>true</done>
                        <queryLocator xsi:nil="true"/><size>0</size></result></queryResponse></soapenv:Body>
                        </soapenv:Envelope>""")));
        server.stubFor(post(urlEqualTo(SERVICE)).withRequestBody(containing("create>"))
                .willReturn(xml(200, fixture("cumulusci_RESPONSE_ERROR_FIELD.xml"))));

        WriteResult result = org().upsert("Contact", "Email", List.of(new RecordWrite("dana@acme.example",
                Map.of("LastName", "Lee")))).get(0);

        assertThat(result.failure().code()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(result.failure().message()).isEqualTo("The profile name is already in use: Name (Name)");
        server.verify(postRequestedFor(urlEqualTo(SERVICE)).withRequestBody(
                containing("SELECT Id, Email FROM Contact WHERE Email IN (&apos;dana@acme.example&apos;)")
                        .or(containing("SELECT Id, Email FROM Contact WHERE Email IN ('dana@acme.example')"))));
    }

    @Test
    void readsRecordsByTheirKeyWithSoql() throws IOException {
        server.stubFor(post(urlEqualTo(SERVICE)).withRequestBody(containing("query>"))
                .willReturn(xml(200, fixture("soapforce_query_response.xml"))));

        Map<String, CrmRecords.CrmRecord> found = org().read("Opportunity", "Name",
                List.of("Opportunity 2", "Opportunity 9"), List.of("StageName"));

        assertThat(found).containsOnlyKeys("Opportunity 2");
        assertThat(found.get("Opportunity 2").id()).isEqualTo("006A000000LaF4xIAF");
        assertThat(found.get("Opportunity 2").values()).containsEntry("StageName", "Value Proposition");
    }

    @Test
    void aLoginUrlThatIsNotSalesforcesNeverReceivesThePassword() {
        Salesforce production = new Salesforce(new SalesforceProperties(null, null, null, null, null));

        assertThatThrownBy(() -> production.open("org-2", new Credentials("https://login.salesforce.com.evil.example", "u", "p",
                null, null, null, null)))
                .isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("INVALID_LOGIN_URL"));
        assertThat(production.open("org-2", new Credentials("https://acme.my.salesforce.com", "u", "p", null, null, null, null)))
                .isNotNull();
    }

    @Test
    void aRefreshTokenIsTradedForASessionOnTheOrgsInstance() throws IOException {
        server.stubFor(post(urlEqualTo("/services/oauth2/token"))
                .withRequestBody(containing("grant_type=refresh_token")).withRequestBody(containing("refresh_token=5Aep861"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"access_token\":\"00DA0000000YpZ4!AQ4AQFresh\",\"signature\":\"x\",\"scope\":\"api refresh_token\","
                                + "\"instance_url\":\"" + server.baseUrl() + "\",\"id\":\"https://login.salesforce.com/id/00D/005\","
                                + "\"token_type\":\"Bearer\",\"issued_at\":\"1764000000000\"}")));
        server.stubFor(post(urlPathMatching("/services/Soap/u/65.0")).withRequestBody(containing("getUserInfo"))
                .withRequestBody(containing("00DA0000000YpZ4!AQ4AQFresh"))
                .willReturn(xml(200, fixture("soapforce_get_user_info_response.xml"))));

        CrmRecords org = salesforce.open("org-1", new Credentials(server.baseUrl(), null, null, null, "client", "secret", "5Aep861"));

        assertThat(org.describe()).startsWith("Salesforce org Developer");
        server.verify(postRequestedFor(urlEqualTo("/services/oauth2/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded")));
    }

    @Test
    void theWebServerFlowSendsThePersonToTheOrgsLoginAndTradesTheCodeForARefreshToken() {
        String authorize = salesforce.authorizeUrl(server.baseUrl(), "consumer key", "https://stellar.example/oauth/crm/callback",
                "state-1");
        assertThat(authorize).startsWith(server.baseUrl() + "/services/oauth2/authorize?response_type=code&client_id=consumer+key")
                .contains("redirect_uri=https%3A%2F%2Fstellar.example%2Foauth%2Fcrm%2Fcallback", "state=state-1");
        server.stubFor(post(urlEqualTo("/services/oauth2/token")).withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=aPrx")).willReturn(aResponse().withStatus(200)
                        .withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"00D!AQ\","
                                + "\"refresh_token\":\"5Aep861KeptEncrypted\",\"instance_url\":\"" + server.baseUrl()
                                + "\",\"token_type\":\"Bearer\"}")));
        server.stubFor(post(urlEqualTo("/services/oauth2/token")).withRequestBody(containing("code=used"))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_grant\",\"error_description\":\"invalid authorization code\"}")));

        assertThat(salesforce.exchangeCode(server.baseUrl(), "consumer key", "secret", "https://stellar.example/cb", "aPrx"))
                .isEqualTo("5Aep861KeptEncrypted");
        assertThatThrownBy(() -> salesforce.exchangeCode(server.baseUrl(), "consumer key", "secret", "https://x/cb", "used"))
                .hasMessage("Salesforce refused the code: invalid_grant invalid authorization code");
    }

    @Test
    void recordsABulkUpdateChangedInTheSameSecondAreAllReadPageAfterPage() {
        SalesforceStub stub = new SalesforceStub();
        try {
            java.time.Instant second = java.time.Instant.parse("2026-11-25T10:00:00Z");
            for (int i = 0; i < 5; i++) {
                String id = stub.seed("Opportunity", Map.of("StageName", "Prospecting", "Name", "Deal " + i));
                stub.stamp("Opportunity", id, second);
            }
            CrmRecords org = salesforce.open("org-stub", new Credentials(stub.loginUrl(), "u", "p", null, null, null, null));

            List<String> read = new java.util.ArrayList<>();
            java.time.Instant since = java.time.Instant.EPOCH;
            String afterId = null;
            for (int page = 0; page < 5; page++) {
                List<CrmRecords.ChangedRecord> changed = org.changedSince("Opportunity", since, afterId,
                        List.of("StageName"), 2);
                if (changed.isEmpty()) {
                    break;
                }
                changed.forEach(c -> read.add(c.id()));
                since = changed.get(changed.size() - 1).modifiedAt();
                afterId = changed.get(changed.size() - 1).id();
            }

            assertThat(read).hasSize(5).doesNotHaveDuplicates();
        } finally {
            stub.stop();
        }
    }

    private static String upsertResponse(String results) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns="urn:partner.soap.sforce.com" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <soapenv:Body><upsertResponse>""" + results + "</upsertResponse></soapenv:Body></soapenv:Envelope>";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "text/xml; charset=utf-8").withBody(body);
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SalesforceClientTest.class.getResourceAsStream("/salesforce/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
