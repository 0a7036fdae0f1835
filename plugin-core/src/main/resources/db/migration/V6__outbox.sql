-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- One row per channel send. The recipient's address is not copied here: it is read from the
-- customer when the send happens, so an erased or corrected customer is never sent to the old one.
create table outbox (
    id                  uuid          primary key,
    message_id          uuid          not null,
    notification_log_id uuid,
    customer_id         uuid          not null references customer (id) on delete cascade,
    event_kind          varchar(32)   not null,
    category            varchar(16)   not null,
    channel             varchar(8)    not null,
    template_values     text          not null,
    idempotency_key     varchar(200)  not null unique,
    status              varchar(16)   not null
        check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNDELIVERABLE')),
    attempts            integer       not null,
    next_attempt_at     timestamp with time zone not null,
    lease_token         uuid,
    lease_until         timestamp with time zone,
    provider_id         varchar(64),
    provider_message_id varchar(128),
    possible_duplicate  boolean       not null,
    last_error          varchar(1000),
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null
);
create index outbox_due on outbox (status, next_attempt_at);
create index outbox_by_customer on outbox (customer_id, created_at);
