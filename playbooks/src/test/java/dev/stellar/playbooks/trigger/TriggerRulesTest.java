package dev.stellar.playbooks.trigger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stellar.playbooks.schema.FieldDefinition;
import dev.stellar.playbooks.schema.FieldType;
import dev.stellar.playbooks.trigger.TriggerEngine.Check;
import dev.stellar.playbooks.trigger.TriggerEngine.Evaluation;
import dev.stellar.playbooks.trigger.TriggerRuleException.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {

    private static final RuleContext CONTEXT = new RuleContext(Map.of(
            "outcome", new FieldDefinition("outcome", "Outcome", FieldType.ENUM, null, List.of("Won", "Lost", "Pending")),
            "deal_amount", new FieldDefinition("deal_amount", "Deal amount", FieldType.MONEY, null, List.of()),
            "objections", new FieldDefinition("objections", "Objections", FieldType.LIST, null,
                    List.of("price", "timing", "need_spouse_approval")),
            "follow_up_date", new FieldDefinition("follow_up_date", "Follow-up date", FieldType.DATE, null, List.of())));

    private static final String WON_DEAL = """
            key: won-deal-onboarding
            name: Won deals above 100k start onboarding
            when: meeting.analysed
            if:
              all:
                - { field: fields.outcome, op: equals, value: Won }
                - { field: fields.deal_amount, op: greater than, value: 100000 }
            then:
              - { action: start_sequence, with: { sequence: onboarding } }
              - { action: crm_task, with: { subject: Kick off onboarding, due_in_days: 2 } }
            """;

    @Test
    void theWonDealRuleFiresOnAWonDealAboveTheAmountAndSaysWhatItSaw() {
        CompiledRule rule = TriggerRules.read(WON_DEAL, CONTEXT);

        Evaluation won = TriggerEngine.evaluate(rule, analysed(Map.of("fields.outcome", "Won",
                "fields.deal_amount", new BigDecimal("125000"))));
        Evaluation small = TriggerEngine.evaluate(rule, analysed(Map.of("fields.outcome", "Won",
                "fields.deal_amount", new BigDecimal("4500"))));
        Evaluation unknownAmount = TriggerEngine.evaluate(rule, analysed(Map.of("fields.outcome", "Won")));

        assertThat(won.fires()).isTrue();
        assertThat(won.checks()).extracting(Check::field, Check::actual, Check::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("fields.outcome", "Won", true),
                org.assertj.core.groups.Tuple.tuple("fields.deal_amount", new BigDecimal("125000"), true));
        assertThat(small.fires()).isFalse();
        assertThat(small.checks().get(1).passed()).isFalse();
        assertThat(unknownAmount.fires()).as("an amount nobody said is not above anything").isFalse();
        assertThat(rule.actions()).extracting(a -> a.type()).containsExactly(ActionType.START_SEQUENCE, ActionType.CRM_TASK);
    }

    @Test
    void anyGroupsListsInAndChangesAreTestedOnTheirValues() {
        CompiledRule objections = TriggerRules.read("""
                key: price-or-timing
                when: meeting.analysed
                if:
                  any:
                    - { field: fields.objections, op: contains, value: price }
                    - { field: fields.outcome, op: in, values: [Lost, Pending] }
                then: [ { action: coaching_task, with: { title: Handle the price objection } } ]
                """, CONTEXT);
        assertThat(TriggerEngine.evaluate(objections, analysed(Map.of("fields.objections", List.of("timing", "price"),
                "fields.outcome", "Won"))).fires()).isTrue();
        assertThat(TriggerEngine.evaluate(objections, analysed(Map.of("fields.objections", List.of("timing"),
                "fields.outcome", "Won"))).fires()).isFalse();

        CompiledRule stage = TriggerRules.read("""
                key: deal-lost
                when: deal.stage_changed
                if: { field: deal.stage, op: changed to, value: closedlost }
                then: [ { action: notify, with: { to: manager, message: A deal was lost } } ]
                """, CONTEXT);
        TriggerEvent lost = new TriggerEvent("e1", EventType.DEAL_STAGE_CHANGED, Instant.now(),
                Map.of("deal.stage", "closedlost"), Map.of("deal.stage", "contractsent"));
        TriggerEvent same = new TriggerEvent("e2", EventType.DEAL_STAGE_CHANGED, Instant.now(),
                Map.of("deal.stage", "closedlost"), Map.of("deal.stage", "closedlost"));
        assertThat(TriggerEngine.evaluate(stage, lost).fires()).isTrue();
        assertThat(TriggerEngine.evaluate(stage, same).fires()).as("no change, no firing").isFalse();
        assertThat(TriggerEngine.evaluate(stage, analysed(Map.of())).fires()).as("another event").isFalse();
    }

    @Test
    void aBrokenRuleIsRefusedWithEveryProblemInItsPlace() {
        assertThatThrownBy(() -> TriggerRules.read("""
                key: Broken Rule
                when: meeting.analysed
                if:
                  all:
                    - { field: fields.outcom, op: equals, value: Won }
                    - { field: fields.outcome, op: equals, value: Maybe }
                    - { field: fields.deal_amount, op: greater than, value: lots }
                    - { field: fields.outcome, op: greater than, value: Won }
                    - { field: fields.deal_amount, op: between, value: 5 }
                then:
                  - { action: start_sequence, with: {} }
                  - { action: send_fax, with: { to: somebody } }
                """, CONTEXT))
                .isInstanceOfSatisfying(TriggerRuleException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("key", "if.all[0].field", "if.all[1].value",
                                "if.all[2].value", "if.all[3].op", "if.all[4].values", "then[0].with.sequence",
                                "then[1].action"));
        assertThatThrownBy(() -> TriggerRules.read("""
                key: weekly
                when: schedule
                schedule: { cron: every monday at nine, zone: Mars/Olympus }
                then: []
                """, CONTEXT))
                .isInstanceOfSatisfying(TriggerRuleException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::path).containsExactly("schedule.cron", "schedule.zone", "then"));
        assertThatThrownBy(() -> TriggerRules.read("key: x\nwhen: meeting.analysed\ncolour: red\n", CONTEXT))
                .isInstanceOfSatisfying(TriggerRuleException.class, e ->
                        assertThat(e.getMessage()).startsWith("line ").contains("colour"));
    }

    @Test
    void aScheduleTakesAQuartzCronInATimeZoneAndAWebhookOnlyHttps() {
        CompiledRule weekly = TriggerRules.read("""
                key: weekly-review
                when: schedule
                schedule: { cron: "0 0 9 ? * MON", zone: Europe/Berlin }
                then: [ { action: webhook, with: { url: "https://hooks.example.com/stellar" } } ]
                """, CONTEXT);
        assertThat(weekly.event()).isEqualTo(EventType.SCHEDULE);
        assertThatThrownBy(() -> TriggerRules.read("""
                key: leaky
                when: meeting.captured
                then: [ { action: webhook, with: { url: "http://10.0.0.1/hook" } } ]
                """, CONTEXT)).hasMessageContaining("then[0].with.url: an https URL");
    }

    @Test
    void aRuleWritesBackAsTheYamlItWasReadFrom() {
        CompiledRule rule = TriggerRules.read(WON_DEAL, CONTEXT);

        assertThat(TriggerRules.read(TriggerRules.write(rule.document()), CONTEXT).document()).isEqualTo(rule.document());
    }

    private static TriggerEvent analysed(Map<String, Object> values) {
        return new TriggerEvent("event-" + values.hashCode(), EventType.MEETING_ANALYSED, Instant.now(), values, Map.of());
    }
}
