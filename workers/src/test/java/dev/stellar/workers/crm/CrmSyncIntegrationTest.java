package dev.stellar.workers.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stellar.workers.WorkersIntegrationTest;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.connection.Connection;
import dev.stellar.workers.connection.Connections;
import dev.stellar.workers.connection.Connections.NewConnection;
import dev.stellar.workers.crm.CrmChange.Status;
import dev.stellar.workers.crm.CrmReview.Decision;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.MeetingSummary;
import dev.stellar.workers.meeting.UploadRequest;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A meeting's CRM changes from proposal to HubSpot, against the HubSpot stub, through the real workflow. */
class CrmSyncIntegrationTest extends WorkersIntegrationTest {

    private static final Duration ANALYSIS = Duration.ofSeconds(90);
    /** Everything reviewed: no confidence threshold. */
    private static final String REVIEW_EVERYTHING = """
            objects:
              - object: deals
                match: { property: stellar_deal_id, by: account }
                onCreate: { dealname: "{{account}}: {{meeting.title}}", pipeline: default, dealstage: appointmentscheduled }
                fields:
                  - { field: deal_amount, property: amount, transform: money }
                  - { field: next_steps, property: description, transform: list }
              - object: contacts
                match: { property: email, by: attendee-email }
                fields:
                  - { field: client_name, property: firstname, transform: first-name }
                  - { field: client_name, property: lastname, transform: last-name }
            """;

    @Autowired
    private MeetingService meetings;
    @Autowired
    private Connections connections;
    @Autowired
    private CrmSettings settings;
    @Autowired
    private CrmReview review;
    @Autowired
    private CrmApplier applier;

    @Test
    void reviewedChangesReachHubSpotOnceRejectedOnesNeverAndAnUndoWritesTheOldValuesBack() throws Exception {
        Caller admin = newOrganisation("Crm Review");
        String domain = "chen-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        Connection hubspot = connect(admin, REVIEW_EVERYTHING);
        HUBSPOT.seed("contacts", "email", "margaret@" + domain, Map.of("firstname", "Maggie"));

        MeetingSummary meeting = analysed(admin, domain, "Chen consultation");
        List<CrmChange> proposed = awaitChanges(admin, meeting.id());

        assertThat(proposed).extracting(CrmChange::status).containsOnly(Status.PROPOSED);
        assertThat(proposed).extracting(CrmChange::object, CrmChange::property).contains(
                org.assertj.core.groups.Tuple.tuple("deals", "amount"),
                org.assertj.core.groups.Tuple.tuple("deals", "description"),
                org.assertj.core.groups.Tuple.tuple("contacts", "firstname"));
        CrmChange amount = line(proposed, "amount");
        assertThat(amount.recordKey()).isEqualTo(domain);
        assertThat(amount.currentValue()).as("no deal yet").isNull();
        assertThat(amount.evidenceQuote()).isNotBlank();
        CrmChange firstName = line(proposed, "firstname");
        assertThat(firstName.currentValue()).as("HubSpot's value beside the proposal").isEqualTo("Maggie");
        assertThat(firstName.proposedValue()).isEqualTo("Margaret");
        assertThat(HUBSPOT.record("deals", domain)).as("nothing written before the review").isNull();

        review.decide(admin, meeting.id(), new Decision(amount.id(), amount.version(), true, "185000"));
        CrmChange description = line(proposed, "description");
        review.decide(admin, meeting.id(), new Decision(description.id(), description.version(), false, null));
        assertThatThrownBy(() -> review.decide(admin, meeting.id(),
                new Decision(description.id(), description.version(), true, null)))
                .isInstanceOf(CrmDecisionException.class).hasMessageContaining("is rejected");
        review.decideAll(admin, meeting.id(), true);

        List<CrmChange> done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> review.changes(admin, meeting.id()),
                        lines -> lines.stream().noneMatch(c -> c.status() == Status.APPROVED || c.waiting()));
        assertThat(line(done, "amount").status()).isEqualTo(Status.APPLIED);
        assertThat(line(done, "amount").appliedValue()).isEqualTo("185000");
        assertThat(line(done, "description").status()).isEqualTo(Status.REJECTED);
        assertThat(line(done, "firstname").beforeValue()).isEqualTo("Maggie");
        Map<String, String> deal = HUBSPOT.record("deals", domain);
        assertThat(deal).containsEntry("amount", "185000").containsEntry("dealname", domain + ": Chen consultation")
                .containsEntry("dealstage", "appointmentscheduled").doesNotContainKey("description");
        assertThat(HUBSPOT.record("contacts", "margaret@" + domain)).containsEntry("firstname", "Margaret");
        CrmChange note = line(done, "note");
        assertThat(note.status()).isEqualTo(Status.APPLIED);
        com.fasterxml.jackson.databind.JsonNode logged = HUBSPOT.notes().stream()
                .filter(n -> n.get("id").asText().equals(note.recordId())).findFirst().orElseThrow();
        assertThat(logged.get("properties").get("hs_note_body").asText()).contains("Meeting: Chen consultation", "Next steps:",
                note.recordKey());
        assertThat(logged.get("associations").findValuesAsText("id")).containsExactlyInAnyOrder(deal.get("hs_object_id"),
                HUBSPOT.record("contacts", "margaret@" + domain).get("hs_object_id"));

        int deals = HUBSPOT.count("deals");
        applier.apply(admin.organizationId(), meeting.id()); // a retried activity: nothing approved is left to write
        assertThat(HUBSPOT.count("deals")).isEqualTo(deals);

        HUBSPOT.change("contacts", "margaret@" + domain, "firstname", "Peggy"); // someone edits it in HubSpot
        assertThatThrownBy(() -> review.undo(admin, meeting.id())).isInstanceOf(CrmDecisionException.class)
                .hasMessageContaining("changed in the CRM since Stellar wrote it: firstname (now Peggy). Nothing was undone");
        assertThat(HUBSPOT.record("deals", domain)).as("nothing undone, not even the deal").isNotNull();
        HUBSPOT.change("contacts", "margaret@" + domain, "firstname", "Margaret");
        List<CrmChange> undone = review.undo(admin, meeting.id());
        assertThat(undone).filteredOn(c -> c.status() == Status.UNDONE).hasSize(4);
        assertThat(HUBSPOT.notes()).noneMatch(n -> n.get("id").asText().equals(note.recordId()));
        assertThat(HUBSPOT.record("contacts", "margaret@" + domain)).containsEntry("firstname", "Maggie");
        assertThat(HUBSPOT.record("deals", domain)).as("the deal Stellar created is archived, not emptied").isNull();
        assertThat(hubspot.webhookUrl()).as("a CRM sends no webhooks").isNull();
    }

    @Test
    void aValueHubSpotRefusesFailsItsRecordWithHubSpotsWordsAndTheOtherRecordsAreWritten() throws Exception {
        Caller admin = newOrganisation("Crm Refused");
        String domain = "refused-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        connect(admin, """
                autoApplyAbove: 0.01
                objects:
                  - object: deals
                    match: { property: stellar_deal_id, by: account }
                    fields:
                      - { field: client_name, property: dealstage }
                  - object: contacts
                    match: { property: email, by: attendee-email }
                    fields:
                      - { field: client_name, property: firstname, transform: first-name }
                """);

        MeetingSummary meeting = analysed(admin, domain, "Chen consultation");

        List<CrmChange> done = await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(200))
                .until(() -> review.changes(admin, meeting.id()),
                        lines -> lines.size() == 3 && lines.stream().allMatch(c -> c.status() == Status.APPLIED
                                || c.status() == Status.FAILED));
        CrmChange stage = line(done, "dealstage");
        assertThat(stage.status()).isEqualTo(Status.FAILED);
        assertThat(stage.autoApplied()).isTrue();
        assertThat(stage.error()).startsWith("HubSpot refused it: Property values were not valid")
                .contains("was not one of the allowed options");
        assertThat(line(done, "firstname").status()).isEqualTo(Status.APPLIED);
        assertThat(HUBSPOT.record("deals", domain)).isNull();
        assertThat(HUBSPOT.record("contacts", "margaret@" + domain)).containsEntry("firstname", "Margaret");
    }

    @Test
    void aSecondMeetingWithTheSameCustomerUpdatesTheSameDeal() throws Exception {
        Caller admin = newOrganisation("Crm Same Deal");
        String domain = "same-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        connect(admin, REVIEW_EVERYTHING.replace("objects:", "autoApplyAbove: 0.01\nobjects:"));

        MeetingSummary first = analysed(admin, domain, "First consultation");
        awaitApplied(admin, first.id());
        String dealId = HUBSPOT.record("deals", domain).get("hs_object_id");
        HUBSPOT.change("deals", domain, "amount", "1"); // someone changed the amount in HubSpot meanwhile
        MeetingSummary second = analysed(admin, domain, "Second consultation");
        awaitApplied(admin, second.id());

        assertThat(review.changes(admin, second.id())).filteredOn(change -> !change.note()).singleElement()
                .satisfies(change -> assertThat(change.currentValue()).isEqualTo("1"));
        assertThat(HUBSPOT.record("deals", domain).get("hs_object_id")).isEqualTo(dealId);
        assertThat(HUBSPOT.record("deals", domain).get("dealname")).as("only a new deal is named")
                .isEqualTo(domain + ": First consultation");
    }

    @Test
    void reviewedChangesReachSalesforceAsAnOpportunityByItsExternalIdAndAContactFoundByEmail() throws Exception {
        Caller admin = newOrganisation("Crm Salesforce");
        String domain = "sf-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        Connection salesforce = connections.create(admin, new NewConnection("salesforce", null,
                Map.of("loginUrl", SALESFORCE.loginUrl(), "username", "ops@stub.example"),
                Map.of("password", "secret", "securityToken", "TOKEN")));
        assertThat(settings.test(admin, salesforce.id()).detail())
                .isEqualTo("Connected to Salesforce org Stellar Stub (00DSTUB0000000AAA) as ops@stub.example");
        SALESFORCE.expireSessions(); // the next call finds its session gone and logs in again

        MeetingSummary meeting = analysed(admin, domain, "Chen consultation");
        List<CrmChange> proposed = await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(200))
                .until(() -> review.changes(admin, meeting.id()),
                        lines -> lines.stream().anyMatch(c -> c.property().equals("LastName")));
        assertThat(proposed).extracting(CrmChange::property).contains("Amount", "NextStep", "FirstName", "LastName");
        review.decideAll(admin, meeting.id(), true);
        awaitApplied(admin, meeting.id());

        Map<String, String> opportunity = SALESFORCE.record("Opportunity", "Stellar_Deal_Id__c", domain);
        assertThat(opportunity).containsEntry("Amount", "4500").containsEntry("Name", domain + ": Chen consultation")
                .containsEntry("StageName", "Closed Won").containsKey("CloseDate"); // the call was won
        assertThat(SALESFORCE.record("Contact", "Email", "margaret@" + domain)).containsEntry("LastName", "Chen");
        int opportunities = SALESFORCE.count("Opportunity");
        CrmChange task = line(review.changes(admin, meeting.id()), "note");
        Map<String, String> logged = SALESFORCE.record("Task", "Id", task.recordId());
        assertThat(logged).containsEntry("WhatId", opportunity.get("Id")).containsEntry("Status", "Completed");
        assertThat(logged.get("Subject")).startsWith("Meeting: Chen consultation").endsWith("[" + task.recordKey() + "]");
        assertThat(line(review.changes(admin, meeting.id()), "Amount").recordId()).isEqualTo(opportunity.get("Id"));

        review.undo(admin, meeting.id());
        assertThat(SALESFORCE.count("Opportunity")).isEqualTo(opportunities - 1);
        assertThat(SALESFORCE.record("Contact", "Email", "margaret@" + domain)).as("created by the sync: deleted").isNull();
        assertThat(SALESFORCE.count("Task")).as("the meeting's task went with them").isZero();
    }

    @Test
    void changesPeopleMakeToDealsInTheCrmFlowBackAsDealEventsOnce() {
        Caller admin = newOrganisation("Crm Pull");
        Connection hubspot = connect(admin, null);
        Connection salesforce = connections.create(admin, new NewConnection("salesforce", null,
                Map.of("loginUrl", SALESFORCE.loginUrl(), "username", "ops@stub.example"), Map.of("password", "secret")));
        String key = "pull-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        HUBSPOT.seed("deals", "stellar_deal_id", key, Map.of("dealstage", "qualifiedtobuy", "amount", "1000"));
        String opportunity = SALESFORCE.seed("Opportunity", Map.of("Stellar_Deal_Id__c", key, "StageName", "Prospecting",
                "Amount", "2000", "Name", key, "CloseDate", "2026-12-31"));

        assertThat(settings.pull(admin, hubspot.id()).baseline()).as("the first pull only learns the deals").isTrue();
        assertThat(settings.pull(admin, salesforce.id()).baseline()).isTrue();
        assertThat(settings.dealEvents(admin, 10)).isEmpty();
        HUBSPOT.change("deals", key, "dealstage", "closedwon");
        HUBSPOT.change("deals", key, "amount", "1500");
        SALESFORCE.change("Opportunity", opportunity, "StageName", "Negotiation/Review");

        assertThat(settings.pull(admin, hubspot.id()).events()).isEqualTo(2);
        assertThat(settings.pull(admin, salesforce.id()).events()).isEqualTo(1);
        assertThat(settings.pull(admin, hubspot.id()).events()).as("nothing new").isZero();

        assertThat(settings.dealEvents(admin, 10))
                .extracting(DealEvent::type, DealEvent::dealKey, DealEvent::oldValue, DealEvent::newValue)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("deal.stage_changed", key, "qualifiedtobuy", "closedwon"),
                        org.assertj.core.groups.Tuple.tuple("deal.amount_changed", key, "1000", "1500"),
                        org.assertj.core.groups.Tuple.tuple("deal.stage_changed", key, "Prospecting", "Negotiation/Review"));
        Caller rep = accounts.createUser(admin.organizationId(), null, "rep-" + UUID.randomUUID() + "@crm-pull.example",
                "Rep", "correct horse battery", dev.stellar.workers.account.Role.REP).toCaller();
        assertThatThrownBy(() -> settings.dealEvents(rep, 10)).isInstanceOf(
                dev.stellar.workers.account.RoleRequiredException.class);
    }

    @Test
    void theMappingIsOpsBusinessAndABrokenOneIsRefusedSayingWhere() {
        Caller admin = newOrganisation("Crm Mapping");
        Connection hubspot = connect(admin, null);

        assertThat(settings.mapping(admin, hubspot.id())).contains("stellar_deal_id");
        assertThatThrownBy(() -> settings.saveMapping(admin, hubspot.id(), REVIEW_EVERYTHING.replace("deal_amount", "deal_amout")))
                .hasMessageContaining("objects[0].fields[0].field: 'deal_amout' is not a field");
        assertThat(settings.test(admin, hubspot.id()).detail()).isEqualTo("Connected to HubSpot portal 62515 (na1)");
    }

    private Connection connect(Caller admin, String mapping) {
        Connection connection = connections.create(admin, new NewConnection("hubspot", null, Map.of(),
                Map.of("accessToken", "pat-na1-" + UUID.randomUUID())));
        if (mapping != null) {
            settings.saveMapping(admin, connection.id(), mapping);
        }
        return connection;
    }

    private MeetingSummary analysed(Caller admin, String domain, String title) throws Exception {
        return meetings.upload(admin, new UploadRequest("chen.txt", fixture("/demo/estate-planning-chen.txt"), title,
                Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC, "estate-planning",
                List.of(new Attendee("Margaret Chen", "margaret@" + domain), new Attendee("Riley Rep", admin.email()))));
    }

    private List<CrmChange> awaitChanges(Caller caller, UUID meetingId) {
        return await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(200))
                .until(() -> review.changes(caller, meetingId), lines -> lines.size() == 5); // both records' and the note
    }

    private void awaitApplied(Caller caller, UUID meetingId) {
        await().atMost(ANALYSIS).pollInterval(Duration.ofMillis(200))
                .until(() -> review.changes(caller, meetingId),
                        lines -> !lines.isEmpty() && lines.stream().allMatch(c -> c.status() == Status.APPLIED));
    }

    private static CrmChange line(List<CrmChange> lines, String property) {
        return lines.stream().filter(c -> c.property().equals(property)).findFirst().orElseThrow(
                () -> new AssertionError("no change to " + property + " in " + lines));
    }

    private static byte[] fixture(String resource) throws Exception {
        try (InputStream in = CrmSyncIntegrationTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
