-- Conversation metrics as columns, so team analytics aggregate them in SQL.

create table meeting_metrics (
    meeting_id                     uuid primary key references meetings (id) on delete cascade,
    organization_id                uuid          not null,
    duration_ms                    bigint,
    rep_talk_ratio                 numeric(5, 4),
    longest_rep_monologue_speaker  text,
    longest_rep_monologue_start_ms bigint,
    longest_rep_monologue_ms       bigint,
    longest_customer_story_speaker  text,
    longest_customer_story_start_ms bigint,
    longest_customer_story_ms       bigint,
    rep_questions                  integer       not null,
    customer_questions             integer       not null,
    switches_per_minute            numeric(7, 2),
    patience_ms                    bigint,
    rep_words_per_minute           numeric(7, 1),
    rep_fillers_per_100_words      numeric(7, 2),
    computed_at                    timestamptz   not null
);
create index meeting_metrics_organization on meeting_metrics (organization_id);

create table speaker_metrics (
    meeting_id       uuid          not null references meetings (id) on delete cascade,
    organization_id  uuid          not null,
    speaker          text          not null,
    rep              boolean       not null,
    words            integer       not null,
    talk_ms          bigint        not null,
    talk_ratio       numeric(5, 4) not null,
    words_per_minute numeric(7, 1),
    questions        integer       not null,
    filler_words     integer       not null,
    longest_turn_ms  bigint        not null,
    primary key (meeting_id, speaker)
);
