-- Stellar's foundation: tenants, people, meetings, transcripts and extracted insights.
-- Every tenant-owned row carries organization_id; every query filters on it.

create table organizations (
    id          uuid primary key,
    name        text        not null check (length(name) between 1 and 200),
    demo        boolean     not null default false,
    created_at  timestamptz not null,
    version     bigint      not null
);

create table teams (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    name            text        not null,
    created_at      timestamptz not null,
    version         bigint      not null,
    unique (organization_id, name)
);

create table users (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    team_id         uuid        references teams (id) on delete set null,
    email           text        not null,
    display_name    text        not null,
    password_hash   text        not null,
    role            text        not null check (role in ('ADMIN', 'OPS', 'MANAGER', 'REP')),
    created_at      timestamptz not null,
    version         bigint      not null
);
-- sign-in is by e-mail, so an address belongs to one person across all organisations
create unique index users_email_unique on users (lower(email));
create index users_organization on users (organization_id);

create table meetings (
    id                   uuid primary key,
    organization_id      uuid        not null references organizations (id) on delete cascade,
    platform             text        not null,
    external_id          text        not null,
    title                text        not null,
    started_at           timestamptz,
    ended_at             timestamptz,
    time_zone            text,
    owner_id             uuid        references users (id) on delete set null,
    status               text        not null check (status in ('RECEIVED', 'PROCESSING', 'COMPLETED', 'FAILED')),
    status_reason        text,
    workflow_id          text        not null,
    transcript_ref       text        not null,
    transcript_file_name text,
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    version              bigint      not null,
    unique (organization_id, platform, external_id)
);
create index meetings_organization_created on meetings (organization_id, created_at desc, id);
create index meetings_unfinished on meetings (status) where status in ('RECEIVED', 'PROCESSING');

create table transcripts (
    meeting_id      uuid primary key references meetings (id) on delete cascade,
    organization_id uuid        not null,
    format          text        not null,
    utterance_count integer     not null,
    duration_ms     bigint      not null,
    parsed_at       timestamptz not null
);

create table utterances (
    meeting_id      uuid    not null references transcripts (meeting_id) on delete cascade,
    organization_id uuid    not null,
    seq             integer not null,
    speaker         text    not null,
    start_ms        bigint,
    end_ms          bigint,
    text            text    not null,
    primary key (meeting_id, seq)
);

create table meeting_participants (
    meeting_id      uuid    not null references meetings (id) on delete cascade,
    organization_id uuid    not null,
    name            text    not null,
    utterance_count integer not null,
    talk_ms         bigint  not null,
    primary key (meeting_id, name)
);

create table insights (
    meeting_id        uuid         not null references meetings (id) on delete cascade,
    organization_id   uuid         not null,
    field_key         text         not null,
    position          integer      not null,
    value             jsonb        not null,
    confidence        numeric(4, 3) not null check (confidence between 0 and 1),
    evidence_quote    text,
    evidence_start_ms bigint,
    evidence_seq      integer,
    extracted_at      timestamptz  not null,
    primary key (meeting_id, field_key)
);
