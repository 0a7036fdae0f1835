-- Accepted inbound webhook deliveries, stored before they are acknowledged. The unique key makes
-- a redelivery a no-op; workers claim PENDING rows (FOR UPDATE SKIP LOCKED) and move them on.
create table inbox (
    id              uuid         primary key,
    source          varchar(32)  not null,
    source_event_id varchar(200) not null,
    event_type      varchar(200) not null,
    subject         varchar(200) not null,
    occurred_at     timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    payload         text         not null,
    status          varchar(16)  not null check (status in ('PENDING', 'PROCESSED', 'IGNORED', 'STALE', 'FAILED')),
    attempts        integer      not null,
    claimed_until   timestamp with time zone,
    processed_at    timestamp with time zone,
    outcome         varchar(1000),
    constraint inbox_once unique (source, source_event_id)
);
create index inbox_pending on inbox (status, occurred_at);

-- Per source, subject (e.g. a Zendesk ticket) and kind of event, the newest event time applied,
-- so an older event arriving late never overwrites a newer one of the same kind.
create table inbox_applied (
    source      varchar(32)  not null,
    subject     varchar(200) not null,
    event_kind  varchar(32)  not null,
    occurred_at timestamp with time zone not null,
    primary key (source, subject, event_kind)
);
