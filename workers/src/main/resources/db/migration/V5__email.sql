-- E-mail that leaves Stellar: the mailboxes it is sent from, the approval of drafts, the delivery log that makes every send
-- happen once, and the addresses never to write to again.

-- One per user, or one for the organisation (user_id null). Secrets are encrypted by the application (AES-GCM, bound to
-- the organisation); the database never sees them in the clear.
create table mailboxes (
    id                  uuid primary key,
    organization_id     uuid        not null references organizations (id) on delete cascade,
    user_id             uuid        references users (id) on delete cascade,
    address             text        not null,
    display_name        text,
    smtp_host           text        not null,
    smtp_port           integer     not null check (smtp_port between 1 and 65535),
    smtp_security       text        not null check (smtp_security in ('NONE', 'STARTTLS', 'SSL')),
    imap_host           text,
    imap_port           integer     check (imap_port between 1 and 65535),
    imap_security       text        check (imap_security in ('NONE', 'STARTTLS', 'SSL')),
    username            text,
    secret_encrypted    text,
    auth                text        not null default 'PASSWORD' check (auth in ('PASSWORD', 'XOAUTH2')),
    daily_cap           integer     not null default 200 check (daily_cap > 0),
    min_spacing_seconds integer     not null default 20 check (min_spacing_seconds >= 0),
    time_zone           text        not null default 'UTC',
    -- the sending window's counters, kept on the row so every worker counts against the same lock
    sent_day            date,
    sent_today          integer     not null default 0,
    last_sent_at        timestamptz,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create unique index mailboxes_user on mailboxes (organization_id, user_id) where user_id is not null;
create unique index mailboxes_organization on mailboxes (organization_id) where user_id is null;

-- How long a draft waits for its approver before a reminder, and before it expires.
create table email_policies (
    organization_id       uuid primary key references organizations (id) on delete cascade,
    remind_after_minutes  integer not null check (remind_after_minutes > 0),
    expire_after_minutes  integer not null check (expire_after_minutes > 0)
);

-- Who the meeting was with, as the calendar or platform knows them: where follow-ups go.
alter table meetings add column attendees jsonb not null default '[]';

alter table drafts drop constraint drafts_status_check;
alter table drafts add constraint drafts_status_check
    check (status in ('DRAFT', 'APPROVED', 'REJECTED', 'EXPIRED', 'SENT', 'SUPPRESSED', 'FAILED'));
alter table drafts add column to_addresses   jsonb       not null default '[]';
alter table drafts add column cc_addresses   jsonb       not null default '[]';
alter table drafts add column expires_at     timestamptz;
alter table drafts add column reminded_at    timestamptz;
alter table drafts add column decided_by     uuid references users (id) on delete set null;
alter table drafts add column decided_at     timestamptz;
alter table drafts add column decision_note  text;
alter table drafts add column send_at        timestamptz;
alter table drafts add column delivery_note  text;
alter table drafts add column version        bigint      not null default 0;
create index drafts_inbox on drafts (organization_id, status, created_at desc) where kind = 'EMAIL';

-- Every e-mail Stellar hands to a mail server, keyed by the workflow's idempotency key. A send that finds its row SENT
-- does nothing; one that finds it SENDING (a crash after the server took it) looks in the Sent folder before sending.
create table outbound_emails (
    id              uuid primary key,
    organization_id uuid        not null references organizations (id) on delete cascade,
    idempotency_key text        not null unique,
    message_id      text        not null unique,
    mailbox_id      uuid        not null references mailboxes (id) on delete cascade,
    draft_id        uuid        references drafts (id) on delete set null,
    recipients      jsonb       not null,
    subject         text        not null,
    status          text        not null check (status in ('SENDING', 'SENT', 'FAILED')),
    attempts        integer     not null default 0,
    last_error      text,
    created_at      timestamptz not null,
    sent_at         timestamptz
);
create index outbound_emails_organization on outbound_emails (organization_id, created_at desc);

-- Addresses an organisation must not write to: unsubscribed (RFC 8058 one-click), bounced, or added by hand.
create table email_suppressions (
    organization_id uuid        not null references organizations (id) on delete cascade,
    address         text        not null check (address = lower(address)),
    reason          text        not null check (reason in ('UNSUBSCRIBED', 'BOUNCED', 'MANUAL')),
    detail          text,
    created_at      timestamptz not null,
    primary key (organization_id, address)
);
