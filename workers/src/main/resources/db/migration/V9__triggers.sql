-- If-then rules of an organisation: the current version of each (its YAML, and whether it is switched on), and every
-- version saved, so that a firing names the version it ran and a change can be traced.
create table trigger_rules (
    organization_id uuid        not null references organizations (id) on delete cascade,
    rule_key        text        not null,
    name            text,
    event_type      text        not null,
    version         integer     not null,
    document        text        not null,
    enabled         boolean     not null default false,
    owner_id        uuid        references users (id) on delete set null,
    updated_at      timestamptz not null,
    primary key (organization_id, rule_key)
);

create table trigger_rule_versions (
    organization_id uuid        not null references organizations (id) on delete cascade,
    rule_key        text        not null,
    version         integer     not null,
    document        text        not null,
    saved_by        uuid        references users (id) on delete set null,
    saved_at        timestamptz not null,
    primary key (organization_id, rule_key, version)
);
