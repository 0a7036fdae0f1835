-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- Customers whose Zendesk user fields must be written. A change that arrives while a sync of the
-- customer runs bumps the version, so the finishing worker keeps the row for another round.
create table zendesk_user_sync (
    customer_id     uuid          primary key references customer (id) on delete cascade,
    version         bigint        not null,
    attempts        integer       not null,
    next_attempt_at timestamp with time zone not null,
    lease_token     uuid,
    lease_until     timestamp with time zone,
    last_error      varchar(1000),
    requested_at    timestamp with time zone not null
);
create index zendesk_user_sync_due on zendesk_user_sync (next_attempt_at);

-- Where a resumable Zendesk job stands: the incremental user export's cursor, the backfill's
-- last customer id.
create table zendesk_sync_position (
    name       varchar(64)   primary key,
    position   varchar(1000) not null,
    updated_at timestamp with time zone not null
);
