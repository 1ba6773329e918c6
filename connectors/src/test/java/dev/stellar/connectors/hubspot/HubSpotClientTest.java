package dev.stellar.connectors.hubspot;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stellar.connectors.crm.CrmException;
import dev.stellar.connectors.crm.CrmRecords;
import dev.stellar.connectors.crm.CrmRecords.RecordWrite;
import dev.stellar.connectors.crm.CrmRecords.WriteResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubSpotClientTest {

    private HubSpotStub stub;
    private HubSpot hubSpot;

    @BeforeEach
    void start() {
        stub = new HubSpotStub();
        hubSpot = new HubSpot(new HubSpotProperties(stub.baseUrl(), 1000, Duration.ofSeconds(5), 5, null));
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    private CrmRecords crm() {
        return hubSpot.open("connection-1", "pat-na1-test");
    }

    @Test
    void describesThePortalAndCreatesTheDealKeyStellarUpsertsBy() {
        assertThat(crm().describe()).isEqualTo("HubSpot portal 62515 (na1)");
        stub.server().verify(1, postRequestedFor(urlEqualTo("/crm/v3/properties/deals")));

        crm().describe(); // known now: not created twice
        stub.server().verify(1, postRequestedFor(urlEqualTo("/crm/v3/properties/deals")));
    }

    @Test
    void readsRecordsByEmailWhateverTheCaseAndLeavesOutThoseHubSpotDoesNotHave() {
        stub.seed("contacts", "email", "dana@acme.example", Map.of("firstname", "Dana", "jobtitle", "CFO"));

        Map<String, CrmRecords.CrmRecord> found = crm().read("contacts", "email",
                List.of("Dana@Acme.example", "nobody@acme.example"), List.of("firstname", "jobtitle", "phone"));

        assertThat(found).containsOnlyKeys("Dana@Acme.example");
        assertThat(found.get("Dana@Acme.example").values())
                .containsEntry("firstname", "Dana").containsEntry("jobtitle", "CFO").doesNotContainKey("phone");
    }

    @Test
    void upsertingTheSameWritesTwiceUpdatesTheRecordsItCreated() {
        List<RecordWrite> writes = List.of(
                new RecordWrite("deal-1", Map.of("dealname", "Acme", "amount", "120000")),
                new RecordWrite("deal-2", Map.of("dealname", "Globex", "dealstage", "qualifiedtobuy")));

        List<WriteResult> first = crm().upsert("deals", "stellar_deal_id", writes);
        List<WriteResult> again = crm().upsert("deals", "stellar_deal_id", writes);

        assertThat(first).allMatch(WriteResult::written).allMatch(WriteResult::created);
        assertThat(again).allMatch(WriteResult::written).noneMatch(WriteResult::created);
        assertThat(again).extracting(WriteResult::id).isEqualTo(first.stream().map(WriteResult::id).toList());
        assertThat(stub.count("deals")).isEqualTo(2);
        assertThat(stub.record("deals", "deal-1")).containsEntry("amount", "120000");
    }

    @Test
    void aRefusedRecordFailsAloneWithHubSpotsReasonWhileTheRestOfItsBatchIsWritten() {
        List<RecordWrite> writes = new ArrayList<>();
        IntStream.range(0, 8).forEach(i -> writes.add(new RecordWrite("deal-" + i,
                Map.of("dealname", "Deal " + i, "dealstage", i == 5 ? "signed_in_blood" : "contractsent"))));

        List<WriteResult> results = crm().upsert("deals", "stellar_deal_id", writes);

        assertThat(results.get(5).written()).isFalse();
        assertThat(results.get(5).failure().code()).isEqualTo("VALIDATION_ERROR");
        assertThat(results.get(5).failure().message()).contains("signed_in_blood was not one of the allowed options");
        assertThat(results.get(5).failure().retryable()).isFalse();
        assertThat(results).filteredOn(WriteResult::written).hasSize(7);
        assertThat(stub.count("deals")).isEqualTo(7);
        assertThat(stub.record("deals", "deal-5")).isNull();
    }

    @Test
    void batchesOfMoreThanAHundredGoInSeveralCalls() {
        List<RecordWrite> writes = IntStream.range(0, 250)
                .mapToObj(i -> new RecordWrite("c" + i + "@acme.example", Map.of("firstname", "C" + i))).toList();

        List<WriteResult> results = crm().upsert("contacts", "email", writes);

        assertThat(results).hasSize(250).allMatch(WriteResult::written);
        stub.server().verify(3, postRequestedFor(urlEqualTo("/crm/v3/objects/contacts/batch/upsert")));
        Map<String, String> idsByKey = new HashMap<>();
        results.forEach(result -> idsByKey.put(result.key(), result.id()));
        assertThat(idsByKey.get("c42@acme.example")).isEqualTo(stub.record("contacts", "c42@acme.example").get("hs_object_id"));
    }

    @Test
    void aTenSecondLimit429IsWaitedOutAndTheCallGoesThrough() {
        stub.limit(2, Duration.ofSeconds(1));

        for (int i = 0; i < 5; i++) {
            assertThat(crm().read("contacts", "email", List.of("a@acme.example"), List.of("firstname"))).isEmpty();
        }

        assertThat(stub.tooManyRequests()).isPositive();
    }

    @Test
    void aLimitThatDoesNotLiftAndTheDailyLimitEndTheCallAsRetryableLater() {
        stub.limitPerTenSeconds(1);
        crm().read("contacts", "email", List.of("a@acme.example"), List.of("firstname"));
        HubSpot impatient = new HubSpot(new HubSpotProperties(stub.baseUrl(), 1000, Duration.ofSeconds(5), 0, null));

        assertThatThrownBy(() -> impatient.open("connection-2", "pat").read("contacts", "email",
                List.of("a@acme.example"), List.of("firstname")))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("RATE_LIMIT");
                    assertThat(e.getMessage()).contains("TEN_SECONDLY_ROLLING");
                });

        stub.limitPerTenSeconds(Integer.MAX_VALUE);
        stub.dailyLimitReached(true);
        assertThatThrownBy(() -> crm().read("contacts", "email", List.of("a@acme.example"), List.of("firstname")))
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("DAILY");
                    assertThat(e.getMessage()).contains("daily API limit");
                });
    }

    @Test
    void theConnectionsBudgetKeepsItUnderHubSpotsTenSecondLimitWithoutA429() {
        stub.limitPerTenSeconds(110);
        HubSpot budgeted = new HubSpot(new HubSpotProperties(stub.baseUrl(), 100, Duration.ofSeconds(5), 0, null));
        CrmRecords crm = budgeted.open("connection-3", "pat");

        for (int i = 0; i < 125; i++) { // the first 10 at once, then 10 a second: 11.5 s
            crm.read("contacts", "email", List.of("c" + i + "@acme.example"), List.of("firstname"));
        }

        assertThat(stub.requests()).isEqualTo(125);
        assertThat(stub.tooManyRequests()).isZero();
    }

    @Test
    void dealsChangedInHubSpotAfterAMomentComeBackOldestFirstPageByPage() {
        for (int i = 0; i < 5; i++) {
            stub.seed("deals", "stellar_deal_id", "deal-" + i, Map.of("dealstage", "qualifiedtobuy", "amount", "100"));
        }
        java.time.Instant cursor = java.time.Instant.parse(stub.record("deals", "deal-4").get("hs_lastmodifieddate"));
        String lastRead = stub.record("deals", "deal-4").get("hs_object_id");
        stub.change("deals", "deal-1", "dealstage", "closedwon");
        stub.change("deals", "deal-3", "amount", "250");

        List<CrmRecords.ChangedRecord> changed = crm().changedSince("deals", cursor, lastRead,
                List.of("dealstage", "amount", "stellar_deal_id"), 100);

        assertThat(changed).extracting(c -> c.values().get("stellar_deal_id")).containsExactly("deal-1", "deal-3");
        assertThat(changed.get(0).values()).containsEntry("dealstage", "closedwon");
        assertThat(changed.get(1).modifiedAt()).isAfter(changed.get(0).modifiedAt());
        assertThat(crm().changedSince("deals", java.time.Instant.EPOCH, null, List.of("amount"), 3)).hasSize(3);
    }

    @Test
    void anOauthConnectionFetchesItsAccessTokenOnceAndRenewsItWhenHubSpotRefusesIt() {
        CrmRecords oauth = hubSpot.open("connection-oauth", new HubSpot.Credentials(null, "client-id", "client-secret",
                "refresh-1"));

        oauth.describe();
        oauth.read("contacts", "email", List.of("a@acme.example"), List.of("firstname"));
        assertThat(stub.issuedTokens()).as("kept until it expires").hasSize(1);
        stub.refuse(stub.issuedTokens().get(0));
        oauth.read("contacts", "email", List.of("a@acme.example"), List.of("firstname"));

        assertThat(stub.issuedTokens()).hasSize(2);
        assertThatThrownBy(() -> hubSpot.open("connection-revoked", new HubSpot.Credentials(null, "client-id",
                "client-secret", "revoked")).describe())
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("HubSpot refused the refresh token: missing or unknown refresh token");
                });
    }

    @Test
    void theMeetingIsLoggedOnceOnItsRecordsEvenWhenTheSyncRunsAgainAtOnce() {
        List<WriteResult> deal = crm().upsert("deals", "stellar_deal_id", List.of(new RecordWrite("acme.example",
                Map.of("dealname", "Acme"))));
        CrmRecords.MeetingNote note = new CrmRecords.MeetingNote("stellar0123456789abcdef", "Meeting: Acme discovery",
                "Next steps:\n- send the proposal", java.time.Instant.parse("2026-11-25T10:00:00Z"),
                Map.of("deals", deal.get(0).id()));

        WriteResult first = crm().logMeeting(note);
        WriteResult again = crm().logMeeting(note); // before HubSpot's search would know the note

        assertThat(first.created()).isTrue();
        assertThat(again.created()).isFalse();
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(stub.notes()).singleElement().satisfies(n -> {
            assertThat(n.get("properties").get("hs_note_body").asText()).contains("send the proposal", note.marker());
            assertThat(n.get("associations").get(0).get("types").get(0).get("associationTypeId").asInt()).isEqualTo(214);
        });
    }

    @Test
    void aRefusedTokenIsPermanentAndSaysSo() {
        stub.refuseTokens(true);

        assertThatThrownBy(() -> crm().describe())
                .isInstanceOfSatisfying(CrmException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("INVALID_AUTHENTICATION");
                    assertThat(e.getMessage()).startsWith("HubSpot refused the connection's token (401)");
                });
    }
}
