-- Outbound webhook messages, one per endpoint and event, with their delivery state. Dispatchers
-- claim due PENDING rows (FOR UPDATE SKIP LOCKED leases); after the last retry a message is DEAD:
-- the endpoint's dead-letter list.
create table webhook_message (
    id              varchar(40)   primary key,
    endpoint_id     uuid          not null references webhook_endpoint (id) on delete cascade,
    event_type      varchar(64)   not null,
    payload         text          not null,
    created_at      timestamp with time zone not null,
    status          varchar(16)   not null check (status in ('PENDING', 'DELIVERED', 'DEAD')),
    attempts        integer       not null,
    next_attempt_at timestamp with time zone,
    claimed_until   timestamp with time zone,
    last_error      varchar(500)
);
create index webhook_message_due on webhook_message (status, next_attempt_at);
create index webhook_message_by_endpoint on webhook_message (endpoint_id, created_at);

-- Every delivery attempt, for the integrator's and operator's eyes.
create table webhook_attempt (
    message_id   varchar(40)  not null references webhook_message (id) on delete cascade,
    attempt      integer      not null,
    attempted_at timestamp with time zone not null,
    status_code  integer,
    error        varchar(500),
    duration_ms  bigint       not null,
    primary key (message_id, attempt)
);

-- An endpoint that answered 429, 502 or 504 gets nothing until then.
alter table webhook_endpoint add column throttled_until timestamp with time zone;
