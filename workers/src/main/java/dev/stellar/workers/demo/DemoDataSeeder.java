package dev.stellar.workers.demo;

import dev.stellar.playbooks.schema.BuiltInSchemas;
import dev.stellar.workers.account.AccountService;
import dev.stellar.workers.account.AppUser;
import dev.stellar.workers.account.Organization;
import dev.stellar.workers.account.Role;
import dev.stellar.workers.account.Team;
import dev.stellar.connectors.mail.MailboxSettings.Security;
import dev.stellar.workers.email.MailboxForm;
import dev.stellar.workers.email.MailboxStore;
import dev.stellar.workers.email.sink.LocalMailSink;
import dev.stellar.workers.meeting.Attendee;
import dev.stellar.workers.trigger.TriggerService;
import dev.stellar.workers.meeting.MeetingRepository;
import dev.stellar.workers.meeting.MeetingService;
import dev.stellar.workers.meeting.UploadRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo organisation on first start of the embedded default (never when a database is
 * configured) and hands a few transcripts to the real workflow, so a newcomer sees meetings at once.
 */
@Component
@ConditionalOnProperty(name = "stellar.demo.enabled", havingValue = "true")
public class DemoDataSeeder {

    public static final String PASSWORD = "demo";
    public static final String DOMAIN = "demo.stellar";
    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);

    /** @param inSalesTeam whether the user belongs to the demo sales team (the manager and the rep) */
    private record DemoUser(String email, String name, Role role, boolean inSalesTeam) {
    }

    private record DemoMeeting(String resource, String title, Duration ago, String schema, List<Attendee> attendees) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin@" + DOMAIN, "Ada Admin", Role.ADMIN, false),
            new DemoUser("ops@" + DOMAIN, "Oscar Ops", Role.OPS, false),
            new DemoUser("manager@" + DOMAIN, "Maya Manager", Role.MANAGER, true),
            new DemoUser("rep@" + DOMAIN, "Riley Rep", Role.REP, true));

    private static final List<DemoMeeting> MEETINGS = List.of(
            new DemoMeeting("renewal-brightline-dental.srt", "Brightline Dental renewal", Duration.ofDays(6),
                    BuiltInSchemas.B2B_DISCOVERY, List.of(new Attendee("Tom Alvarez", "tom.alvarez@brightline-dental.example"))),
            new DemoMeeting("discovery-northwind-logistics.vtt", "Northwind Logistics discovery call", Duration.ofDays(2),
                    BuiltInSchemas.B2B_DISCOVERY, List.of(new Attendee("Dana Whitfield", "dana@northwind-logistics.example"))),
            new DemoMeeting("estate-planning-chen.txt", "Chen family estate planning consultation",
                    Duration.ofHours(5), BuiltInSchemas.ESTATE_PLANNING,
                    List.of(new Attendee("Margaret Chen", "margaret.chen@example.com"),
                            new Attendee("David Chen", "david.chen@example.com"))));

    private final AccountService accounts;
    private final MeetingService meetingService;
    private final MeetingRepository meetings;
    private final TransactionTemplate transaction;
    private final MailboxStore mailboxes;
    private final ObjectProvider<LocalMailSink> sink;
    private final Clock clock;
    private final TriggerService triggers;

    public DemoDataSeeder(AccountService accounts, MeetingService meetingService, MeetingRepository meetings,
                          TransactionTemplate transaction, MailboxStore mailboxes, ObjectProvider<LocalMailSink> sink,
                          Clock clock, TriggerService triggers) {
        this.triggers = triggers;
        this.mailboxes = mailboxes;
        this.sink = sink;
        this.accounts = accounts;
        this.meetingService = meetingService;
        this.meetings = meetings;
        this.transaction = transaction;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(10)
    public void seed() {
        AppUser rep = accounts.findByEmail("rep@" + DOMAIN).orElseGet(this::createOrganisation);
        if (meetings.countByOrganizationId(rep.organizationId()) == 0) {
            for (DemoMeeting meeting : MEETINGS) {
                meetingService.upload(rep.toCaller(), new UploadRequest(meeting.resource(), read(meeting.resource()),
                        meeting.title(), clock.instant().minus(meeting.ago()), ZoneOffset.UTC, meeting.schema(),
                        meeting.attendees()));
            }
        }
        sink.ifAvailable(s -> connectMailboxes(rep, s));
        seedRules(accounts.findByEmail("ops@" + DOMAIN).orElseThrow());
        StringBuilder banner = new StringBuilder("Demo organisation ready. Sign in with password '" + PASSWORD + "' as:");
        USERS.forEach(u -> banner.append("\n  ").append(String.format("%-8s", u.role())).append(u.email()));
        log.info(banner.toString());
    }

    /** Two example if-then rules, switched off as every new rule is: for ops to backtest and switch on. */
    private void seedRules(AppUser ops) {
        if (!triggers.list(ops.toCaller()).isEmpty()) {
            return;
        }
        for (String rule : List.of("won-deal-onboarding", "price-objection-coaching")) {
            triggers.save(ops.toCaller(), new String(read("triggers/" + rule + ".yaml"), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** The demo's people send through the local sink; its ports change with every start, so this runs every time. */
    private void connectMailboxes(AppUser rep, LocalMailSink sink) {
        for (DemoUser user : USERS) {
            if (user.role() == Role.REP || user.role() == Role.MANAGER) {
                AppUser person = accounts.findByEmail(user.email()).orElseThrow();
                sink.addMailbox(user.email(), user.email(), PASSWORD);
                mailboxes.save(rep.organizationId(), person.id(), new MailboxForm(user.email(), user.name(), "127.0.0.1",
                        sink.smtpPort(), Security.NONE, "127.0.0.1", sink.imapPort(), Security.NONE, user.email(), PASSWORD,
                        null, null, null, "UTC"));
            }
        }
    }

    private AppUser createOrganisation() {
        return transaction.execute(status -> {
            Organization org = accounts.createOrganization("Demo Co", true);
            Team sales = accounts.createTeam(org.id(), "Sales");
            AppUser rep = null;
            for (DemoUser user : USERS) {
                AppUser created = accounts.createUser(org.id(), user.inSalesTeam() ? sales.id() : null, user.email(),
                        user.name(), PASSWORD, user.role());
                if (user.role() == Role.REP) {
                    rep = created;
                }
            }
            return rep;
        });
    }

    private static byte[] read(String resource) {
        try (InputStream in = DemoDataSeeder.class.getResourceAsStream("/demo/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("demo transcript missing: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
