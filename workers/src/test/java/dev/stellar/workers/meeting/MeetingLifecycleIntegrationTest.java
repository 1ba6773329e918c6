package dev.stellar.workers.meeting;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.stellar.connectors.blob.BlobStore;
import dev.stellar.workers.WorkersIntegrationTest;
import dev.stellar.workers.account.Caller;
import dev.stellar.workers.coaching.CallScore;
import dev.stellar.workers.demo.DemoDataSeeder;
import dev.stellar.workers.drafts.Draft;
import dev.stellar.workers.transcript.TranscriptFormatException;
import dev.stellar.workflows.meeting.MeetingActivities.ParseTranscriptInput;
import dev.stellar.workflows.meeting.MeetingStatus;
import dev.stellar.workflows.meeting.MeetingWorkflowIds;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A meeting's whole life against real PostgreSQL and a real (in-process) Temporal service. */
class MeetingLifecycleIntegrationTest extends WorkersIntegrationTest {

    private static final Duration PROCESSING = Duration.ofSeconds(30);

    @Autowired
    MeetingService meetings;
    @Autowired
    MeetingStore store;
    @Autowired
    MeetingRepository repository;
    @Autowired
    MeetingActivitiesImpl activities;
    @Autowired
    MeetingResumer resumer;
    @Autowired
    MeetingWorkflows workflows;
    @Autowired
    BlobStore blobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anUploadedZoomTranscriptIsParsedExtractedAndStored() throws IOException {
        Caller rep = newOrganisation("Acme");
        List<MeetingChange> changes = new CopyOnWriteArrayList<>();
        try (var subscription = meetings.onChange(rep, changes::add)) {
            MeetingSummary uploaded = meetings.upload(rep, new UploadRequest("meeting001.vtt",
                    fixture("/fixtures/zoom/meeting001_transcript.vtt"), null, null));
            assertThat(uploaded.title()).isEqualTo("meeting001");

            MeetingDetail detail = awaitFinal(rep, uploaded.id());

            assertThat(detail.meeting().status()).isEqualTo(MeetingStatus.COMPLETED);
            assertThat(detail.utterances()).hasSize(300);
            assertThat(detail.participants()).extracting(MeetingDetail.Participant::name)
                    .contains("Andrew Knight", "Paul McCartney", "George Harrison", "Ringo Starr", "John Lennon");
            assertThat(detail.schema().schema().key()).as("the organisation's default").isEqualTo("estate-planning");
            assertThat(detail.insights()).extracting(MeetingDetail.Insight::key).contains("client_name", "outcome")
                    .isSubsetOf(detail.schema().schema().fields().stream().map(f -> f.key()).toList());
            assertThat(detail.insights()).allSatisfy(insight -> assertThat(detail.utterances().get(insight.evidenceSeq()).text())
                    .as("verbatim evidence").contains(insight.evidenceQuote()));
            assertThat(detail.meeting().durationMs()).isEqualTo(3_341_970L);
            assertThat(detail.metrics()).as("measured beside the extraction").isNotNull();
            assertThat(detail.metrics().durationMs()).isEqualTo(3_341_970L - 4_859L);
            assertThat(detail.metrics().speakers()).hasSize(detail.participants().size());
            assertThat(detail.metrics().repTalkRatio()).as("the rep (the host) is known").isNotNull();
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(changes)
                    .extracting(MeetingChange::status)
                    .containsSubsequence(MeetingStatus.RECEIVED, MeetingStatus.PROCESSING, MeetingStatus.COMPLETED));
        }
    }

    @Test
    void theAgentsScoreTheCallDraftGroundedFollowUpsAndIndexItForSearch() throws IOException {
        Caller rep = newOrganisation("Agents");
        Caller stranger = newOrganisation("Agents Elsewhere");
        MeetingSummary uploaded = meetings.upload(rep, new UploadRequest("chen.txt", fixture("/demo/estate-planning-chen.txt"),
                "Chen consultation", Instant.parse("2026-03-10T15:00:00Z"), ZoneOffset.UTC, "estate-planning", null));

        MeetingDetail detail = awaitFinal(rep, uploaded.id());

        assertThat(detail.meeting().statusReason()).as("every agent finished").isNull();
        CallScore score = detail.scorecard();
        assertThat(score.scorecardKey()).isEqualTo("estate-planning");
        assertThat(score.criteria()).extracting(CallScore.CriterionResult::key)
                .contains("asked_about_family", "asked_about_assets", "explained_probate", "confirmed_next_steps");
        assertThat(score.criteria()).filteredOn(CallScore.CriterionResult::met).allSatisfy(met -> {
            if (met.evidenceSeq() != null) {
                assertThat(detail.utterances().get(met.evidenceSeq()).text()).contains(met.evidenceQuote());
            }
        });
        assertThat(score.criteria()).filteredOn(c -> c.key().equals("asked_about_family")).singleElement()
                .satisfies(c -> assertThat(c.met()).isTrue());
        assertThat(score.strengths()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
        assertThat(score.improvements()).hasSizeLessThanOrEqualTo(3);
        Integer suggested = jdbc.sql("select count(*) from coaching_tasks where meeting_id = ? and organization_id = ?")
                .params(uploaded.id(), rep.organizationId()).query(Integer.class).single();
        assertThat(suggested).isEqualTo(score.improvements().size());

        Draft email = detail.drafts().stream().filter(d -> d.kind() == Draft.Kind.EMAIL).findFirst().orElseThrow();
        assertThat(email.body()).startsWith("Hi Margaret,");
        assertThat(email.recipients()).contains("Margaret Chen");
        assertThat(email.grounding()).isNotEmpty().allSatisfy(fact -> assertThat(detail.utterances().get(fact.seq()).text())
                .as(fact.field()).contains(fact.quote()));
        Draft post = detail.drafts().stream().filter(d -> d.kind() == Draft.Kind.SOCIAL).findFirst().orElseThrow();
        assertThat(post.body()).as("a public post names no one").doesNotContain("Margaret", "David", "Chen", "4,500");

        List<MeetingService.MomentHit> moments = meetings.searchMoments(rep, "how much does the estate plan cost", 3);
        assertThat(moments).isNotEmpty();
        assertThat(moments.get(0).meetingId()).isEqualTo(uploaded.id());
        assertThat(moments).anySatisfy(m -> assertThat(m.text()).contains("4,500 dollars"));
        assertThat(meetings.searchMoments(stranger, "how much does the estate plan cost", 3))
                .as("another organisation finds nothing of it").noneMatch(m -> m.meetingId().equals(uploaded.id()));
    }

    @Test
    void nobodyOutsideTheOrganisationSeesItsMeetings() {
        Caller owner = newOrganisation("Owner Org");
        Caller stranger = newOrganisation("Other Org");
        MeetingSummary meeting = meetings.upload(owner, new UploadRequest("call.txt",
                "Riley Rep: Hello.\nSam Buyer: Let's do it.\n".getBytes(UTF_8), "Secret deal", null));

        assertThat(meetings.detail(stranger, meeting.id())).isEmpty();
        assertThat(meetings.progress(stranger, meeting.id())).isEmpty();
        assertThat(meetings.list(stranger, 0, 100).items()).isEmpty();
        assertThat(meetings.list(owner, 0, 100).items()).extracting(MeetingSummary::id).containsExactly(meeting.id());
        assertThatThrownBy(() -> store.complete(stranger.organizationId(), meeting.id(), List.of(), List.of()))
                .isInstanceOf(MeetingNotFoundException.class);
    }

    @Test
    void aMalformedUploadIsRefusedAndNothingIsStored() throws Exception {
        Caller rep = newOrganisation("Careful");
        byte[] broken = "WEBVTT\n\n1\n00:00:01.000 --> 00:00:04.000\nA: hi\n\n2\n00:00:0x --> 00:00:09.000\nB: no\n".getBytes(UTF_8);

        assertThatThrownBy(() -> meetings.upload(rep, new UploadRequest("broken.vtt", broken, null, null)))
                .isInstanceOf(TranscriptFormatException.class)
                .hasMessage("line 8: invalid cue timing '00:00:0x --> 00:00:09.000', expected 'hh:mm:ss.mmm --> hh:mm:ss.mmm'");
        assertThat(meetings.count(rep)).isZero();
        assertThatThrownBy(() -> blobs.get(rep.organizationId() + "/sha256-" + sha256(broken)))
                .as("the refused file was not stored").hasMessageContaining("no stored file");
    }

    @Test
    void aRetriedParseLeavesExactlyOneCopy() {
        Caller rep = newOrganisation("Retry");
        MeetingSummary meeting = meetings.upload(rep, new UploadRequest("call.txt",
                "[00:00:01] Riley Rep: Hello.\n[00:00:03] Sam Buyer: Hi there.\n".getBytes(UTF_8), null, null));
        awaitFinal(rep, meeting.id());
        Meeting stored = repository.findByIdAndOrganizationId(meeting.id(), rep.organizationId()).orElseThrow();

        assertThat(workflows.start(stored)).as("a completed meeting is not started again").isFalse();
        ParseTranscriptInput again = new ParseTranscriptInput(rep.organizationId().toString(), meeting.id().toString(),
                stored.transcriptRef(), stored.transcriptFileName());
        activities.parseTranscript(again);
        activities.parseTranscript(again);

        assertThat(store.utterances(rep.organizationId(), meeting.id())).hasSize(2);
        assertThat(store.participants(rep.organizationId(), meeting.id())).hasSize(2);
    }

    @Test
    void aMeetingWhoseWorkflowWasLostIsResumedOnStart() {
        Caller rep = newOrganisation("Restart");
        // As after a restart of the in-process Temporal service: the row says RECEIVED, no workflow exists.
        String ref = blobs.put(rep.organizationId().toString(), "Riley Rep: Hi.\nSam Buyer: We'll pass.\n".getBytes(UTF_8));
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        store.insert(new Meeting(id, rep.organizationId(), Platform.ZOOM, "85000000001", "Interrupted call", null, null, null,
                rep.userId(), MeetingStatus.PROCESSING, null,
                MeetingWorkflowIds.of(rep.organizationId().toString(), "ZOOM", "85000000001"), ref, "call.txt", now, now, null, null, null), java.util.List.of());

        assertThat(resumer.resume(now.plusSeconds(1))).isEqualTo(1);

        MeetingDetail detail = awaitFinal(rep, id);
        assertThat(detail.meeting().status()).isEqualTo(MeetingStatus.COMPLETED);
        assertThat(detail.insights()).filteredOn(i -> i.key().equals("outcome"))
                .extracting(i -> i.value().asText()).containsExactly("Lost");
    }

    @Test
    void aFailedStepShowsItsReason() {
        Caller rep = newOrganisation("Failing");
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        // the reference points at nothing: the parse step cannot succeed, whatever the retries
        Meeting meeting = store.insert(new Meeting(id, rep.organizationId(), Platform.UPLOAD, id.toString(), "Lost file",
                null, null, null, rep.userId(), MeetingStatus.RECEIVED, null,
                MeetingWorkflowIds.of(rep.organizationId().toString(), "UPLOAD", id.toString()),
                rep.organizationId() + "/sha256-" + "f".repeat(64), "gone.vtt", now, now, null, null, null), java.util.List.of());
        workflows.start(meeting);

        MeetingDetail detail = awaitFinal(rep, id);
        assertThat(detail.meeting().status()).isEqualTo(MeetingStatus.FAILED);
        assertThat(detail.meeting().statusReason()).startsWith("no stored file for reference");
        // the status is recorded just before the workflow closes as failed; from then on it may be tried afresh
        await().atMost(Duration.ofSeconds(10)).until(() -> workflows.start(meeting));
    }

    @Test
    void theDemoOrganisationsMeetingsWentThroughTheWorkflow() {
        Caller rep = accounts.findByEmail("rep@" + DemoDataSeeder.DOMAIN).orElseThrow().toCaller();
        await().atMost(PROCESSING).untilAsserted(() -> assertThat(meetings.list(rep, 0, 10).items())
                .hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(m -> assertThat(m.status()).isEqualTo(MeetingStatus.COMPLETED)));
        Integer insightRows = jdbc.sql("select count(*) from insights where organization_id = ?")
                .param(rep.organizationId()).query(Integer.class).single();
        assertThat(insightRows).isGreaterThanOrEqualTo(18);
    }

    private MeetingDetail awaitFinal(Caller caller, UUID id) {
        return await().atMost(PROCESSING).pollInterval(Duration.ofMillis(100))
                .until(() -> meetings.detail(caller, id).orElseThrow(), d -> d.meeting().status().isFinal());
    }

    private static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static byte[] fixture(String resource) throws IOException {
        try (InputStream in = MeetingLifecycleIntegrationTest.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        }
    }
}
