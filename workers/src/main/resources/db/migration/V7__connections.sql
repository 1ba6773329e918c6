-- Connections to meeting platforms (Zoom today; Teams, Meet and speech next): per organisation, secrets encrypted by the
-- application, a random key in the webhook URL that tells which connection (and so which organisation) an event is for.

create table connections (
    id                uuid primary key,
    organization_id   uuid        not null references organizations (id) on delete cascade,
    type              text        not null check (type in ('ZOOM', 'TEAMS', 'MEET', 'SPEECH')),
    name              text        not null,
    settings          jsonb       not null default '{}',
    secrets_encrypted text,
    webhook_key       text        not null unique,
    created_at        timestamptz not null,
    last_event_at     timestamptz,
    last_event        text,
    last_error        text
);
create index connections_organization on connections (organization_id);

-- The events a connection received, newest kept for people to see what arrived and what became of it.
create table connection_events (
    connection_id   uuid        not null references connections (id) on delete cascade,
    organization_id uuid        not null,
    at              timestamptz not null,
    kind            text        not null,
    detail          text
);
create index connection_events_connection on connection_events (connection_id, at desc);

-- A meeting captured from a platform has no transcript until its workflow fetched it.
alter table meetings alter column transcript_ref drop not null;
alter table meetings add column connection_id uuid references connections (id) on delete set null;

-- What to fetch for a captured meeting; the platform's download token is encrypted like any secret.
create table meeting_downloads (
    meeting_id      uuid primary key references meetings (id) on delete cascade,
    organization_id uuid        not null,
    connection_id   uuid        references connections (id) on delete set null,
    url             text        not null,
    token_encrypted text,
    file_name       text,
    created_at      timestamptz not null
);
