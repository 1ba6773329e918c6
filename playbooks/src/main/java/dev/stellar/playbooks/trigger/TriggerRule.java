package dev.stellar.playbooks.trigger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A rule as ops write it (YAML):
 * <pre>
 * key: won-deal-onboarding
 * name: Won deals above 100k start onboarding
 * when: meeting.analysed
 * if:
 *   all:
 *     - { field: fields.outcome, op: equals, value: Won }
 *     - { field: fields.deal_amount, op: greater than, value: 100000 }
 * then:
 *   - { action: start_sequence, with: { sequence: onboarding } }
 *   - { action: crm_task, with: { subject: Kick off onboarding, due_in_days: 2 } }
 * maxPerHour: 50
 * </pre>
 *
 * @param schedule       for {@code when: schedule}: a Quartz cron expression and its time zone
 * @param noActivityDays for {@code when: no_activity}: days since an account's last meeting
 * @param maxPerHour     firings allowed per hour (a runaway rule stops there); default 100
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TriggerRule(String key, String name, String when, @JsonProperty("if") Condition condition,
                          @JsonProperty("then") List<Action> actions, Schedule schedule, Integer noActivityDays,
                          Integer maxPerHour) {

    public TriggerRule {
        actions = actions == null ? List.of() : List.copyOf(actions);
    }

    public int firingsPerHour() {
        return maxPerHour == null ? 100 : maxPerHour;
    }

    /**
     * A test ({@code field}, {@code op}, {@code value} or {@code values}) or a group ({@code all} or {@code any}).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Condition(List<Condition> all, List<Condition> any, String field, String op, Object value,
                            List<Object> values) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(String action, Map<String, Object> with) {

        public Action {
            with = with == null ? Map.of() : Map.copyOf(with);
        }
    }

    public record Schedule(String cron, String zone) {
    }
}
