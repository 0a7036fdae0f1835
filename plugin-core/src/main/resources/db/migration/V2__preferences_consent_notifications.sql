-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- Erasure keeps a tombstone row: the consent ledger below must keep pointing at its customer.
alter table customer add column erased_at timestamp with time zone;

-- One row per customer who has stored preferences: the version history counts up from 1.
create table preference_set (
    customer_id uuid        primary key references customer (id) on delete cascade,
    version     integer     not null,
    language    varchar(35) not null,
    updated_at  timestamp with time zone not null
);

-- Explicit on/off choices; a category × channel without a row follows the category default.
create table preference_choice (
    customer_id uuid        not null references customer (id) on delete cascade,
    category    varchar(16) not null,
    channel     varchar(8)  not null,
    enabled     boolean     not null,
    primary key (customer_id, category, channel)
);

create table preference_quiet_hours (
    customer_id uuid       not null references customer (id) on delete cascade,
    channel     varchar(8) not null,
    starts_at   time       not null,
    ends_at     time       not null,
    primary key (customer_id, channel)
);

-- Frequency cap and collapse window of a category; either may be absent.
create table preference_volume_limit (
    customer_id             uuid        not null references customer (id) on delete cascade,
    category                varchar(16) not null,
    cap_max                 integer,
    cap_period_seconds      bigint,
    collapse_window_seconds bigint,
    primary key (customer_id, category),
    check ((cap_max is null) = (cap_period_seconds is null)),
    check (cap_max is not null or collapse_window_seconds is not null)
);

-- Every version of a customer's preferences, as the API showed it after the change.
create table preference_change (
    customer_id uuid         not null references customer (id) on delete cascade,
    version     integer      not null,
    changed_at  timestamp with time zone not null,
    changed_by  varchar(200) not null,
    ticket_id   varchar(100),
    document    text         not null,
    primary key (customer_id, version)
);

-- The append-only consent ledger. No cascade from customer: the proof outlives erasure, which
-- only clears the personal evidence columns and keeps their digest in evidence_digest.
create table consent_record (
    customer_id     uuid         not null references customer (id),
    seq             bigint       not null,
    purpose         varchar(32)  not null,
    status          varchar(16)  not null,
    basis           varchar(16)  not null,
    channel_scope   varchar(64)  not null,
    captured_at     timestamp with time zone not null,
    effective_from  timestamp with time zone not null,
    effective_to    timestamp with time zone,
    source          varchar(32)  not null,
    agent_id        varchar(100),
    ticket_id       varchar(100),
    ip_address      varchar(45),
    user_agent      varchar(512),
    notice_version  varchar(64),
    note            varchar(2000),
    evidence_digest char(64),
    previous_hash   char(64)     not null,
    hash            char(64)     not null,
    primary key (customer_id, seq)
);

-- One row per channel of every real decision; message_id groups the channels of one message.
create table notification_log (
    id           uuid          primary key,
    message_id   uuid          not null,
    customer_id  uuid          not null references customer (id) on delete cascade,
    event_kind   varchar(32)   not null,
    category     varchar(16)   not null,
    collapse_key varchar(200)  not null,
    channel      varchar(8)    not null,
    outcome      varchar(16)   not null,
    defer_until  timestamp with time zone,
    reason       varchar(1000) not null,
    trail        text          not null,
    decided_at   timestamp with time zone not null
);
create index notification_log_by_customer on notification_log (customer_id, decided_at);
