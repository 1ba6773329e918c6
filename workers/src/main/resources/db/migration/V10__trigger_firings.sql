-- Every firing of a rule: which version, for which event, the conditions with the values they saw, and what became
-- of each action. Its id comes from (rule, version, event), so an event delivered twice fires once.
create table trigger_firings (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    rule_key        text        not null,
    rule_version    integer     not null,
    document        text        not null,
    event_id        text        not null,
    event_type      text        not null,
    subject         text,
    meeting_id      uuid        references meetings (id) on delete set null,
    checks          jsonb       not null,
    actions         jsonb       not null,
    status          text        not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    fired_at        timestamptz not null,
    finished_at     timestamptz,
    unique (organization_id, rule_key, rule_version, event_id)
);
create index trigger_firings_rule on trigger_firings (organization_id, rule_key, fired_at desc);
