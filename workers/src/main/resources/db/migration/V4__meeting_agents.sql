-- What the coaching and drafting agents produce for a meeting, and which extractor ran. One row per meeting (and kind), replaced when the
-- meeting is analysed again, so a retried activity never doubles anything.

create table scorecards (
    meeting_id      uuid primary key references meetings (id) on delete cascade,
    organization_id uuid         not null,
    scorecard_key   text         not null,
    scored_by       text         not null,
    score           numeric(4, 3) not null check (score between 0 and 1),
    criteria        jsonb        not null,
    strengths       jsonb        not null,
    improvements    jsonb        not null,
    scored_at       timestamptz  not null
);
create index scorecards_organization on scorecards (organization_id, scored_at desc);

-- Suggested by the coaching agent from missed criteria; the coaching issue turns them into assigned tasks.
create table coaching_tasks (
    id              uuid primary key,
    organization_id uuid        not null,
    meeting_id      uuid        not null references meetings (id) on delete cascade,
    assignee_id     uuid        references users (id) on delete set null,
    criterion_key   text        not null,
    title           text        not null,
    moment_seq      integer,
    moment_ms       bigint,
    status          text        not null check (status in ('SUGGESTED', 'OPEN', 'DONE', 'DISMISSED')),
    created_at      timestamptz not null,
    unique (meeting_id, criterion_key)
);
create index coaching_tasks_assignee on coaching_tasks (organization_id, assignee_id, status);

-- Drafts wait for a person: the email approval issue sends them; nothing here is sent anywhere.
create table drafts (
    id              uuid primary key,
    organization_id uuid        not null,
    meeting_id      uuid        not null references meetings (id) on delete cascade,
    kind            text        not null check (kind in ('EMAIL', 'SOCIAL')),
    recipients      jsonb       not null,
    subject         text,
    body            text        not null,
    grounding       jsonb       not null,
    drafted_by      text        not null,
    status          text        not null check (status in ('DRAFT', 'APPROVED', 'REJECTED', 'SENT')),
    created_at      timestamptz not null,
    unique (meeting_id, kind)
);

-- Which extractor filled the fields (offline, or the language model) and what people should know about it.
alter table meetings add column extracted_by text;
alter table meetings add column extraction_notice text;
