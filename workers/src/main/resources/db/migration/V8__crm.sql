-- CRM connections (HubSpot today, Salesforce next) live beside the meeting platforms'.
alter table connections drop constraint connections_type_check;
alter table connections add constraint connections_type_check
    check (type in ('ZOOM', 'TEAMS', 'MEET', 'SPEECH', 'HUBSPOT', 'SALESFORCE'));

-- An organisation's own mapping for a CRM connection (YAML, as ops edit it); without one the built-in mapping applies.
create table crm_mappings (
    connection_id   uuid primary key references connections (id) on delete cascade,
    organization_id uuid        not null,
    document        text        not null,
    updated_by      uuid        references users (id) on delete set null,
    updated_at      timestamptz not null
);

-- One proposed change per meeting, connection, record and property: what the CRM held, what Stellar proposes and why,
-- what a person decided, and what was written (before and after) or why the CRM refused it.
create table crm_changes (
    id                  uuid primary key,
    organization_id     uuid          not null,
    meeting_id          uuid          not null references meetings (id) on delete cascade,
    connection_id       uuid          not null references connections (id) on delete cascade,
    object              text          not null,
    object_label        text          not null,
    key_property        text          not null,
    record_key          text          not null,
    record_id           text,
    property            text          not null,
    field_key           text,
    position            integer       not null,
    current_value       text,
    proposed_value      text          not null,
    confidence          numeric(4, 3),
    evidence_quote      text,
    evidence_start_ms   bigint,
    status              text          not null check (status in ('PROPOSED', 'APPROVED', 'REJECTED', 'EXPIRED', 'APPLIED',
                                                               'FAILED', 'UNDONE')),
    auto_applied        boolean       not null default false,
    decided_by          uuid          references users (id) on delete set null,
    decided_at          timestamptz,
    escalated_at        timestamptz,
    before_value        text,
    applied_value       text,
    applied_at          timestamptz,
    record_created      boolean       not null default false,
    -- before_value and record_created are read once, before the first write attempt, so a retry after a crash keeps them
    before_read         boolean       not null default false,
    error               text,
    proposed_at         timestamptz   not null,
    version             bigint        not null default 0,
    unique (meeting_id, connection_id, object, property)
);
create index crm_changes_waiting on crm_changes (organization_id, status, proposed_at desc);

-- Deals as the CRM last reported them, so that a pull can tell what changed; one row per connection and CRM record.
create table crm_deals (
    connection_id   uuid        not null references connections (id) on delete cascade,
    organization_id uuid        not null,
    crm_id          text        not null,
    deal_key        text,
    stage           text,
    amount          text,
    close_date      text,
    owner           text,
    modified_at     timestamptz not null,
    primary key (connection_id, crm_id)
);
create index crm_deals_key on crm_deals (organization_id, deal_key);

-- What changed in the CRM, field by field, and the events it raised (deal.stage_changed, deal.amount_changed) for
-- triggers and forecasts. An event's id comes from the change, so a pull that runs twice raises it once.
create table crm_events (
    id              uuid primary key,
    organization_id uuid        not null,
    connection_id   uuid        not null references connections (id) on delete cascade,
    type            text        not null,
    crm_id          text        not null,
    deal_key        text,
    field           text        not null,
    old_value       text,
    new_value       text,
    occurred_at     timestamptz not null,
    noticed_at      timestamptz not null
);
create index crm_events_organization on crm_events (organization_id, occurred_at desc);

-- Where each connection's pull got to: the CRM's modification time of the last change read, and that record's id (the
-- next page starts after it, so that records changed in the same second are all read).
create table crm_pull_cursors (
    connection_id   uuid primary key references connections (id) on delete cascade,
    organization_id uuid        not null,
    pulled_until    timestamptz not null,
    last_id         text,
    last_pulled_at  timestamptz not null
);
