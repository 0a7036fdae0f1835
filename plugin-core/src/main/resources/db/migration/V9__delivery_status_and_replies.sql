-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- What the provider reported after accepting a send (status callbacks, event webhooks). Kept
-- apart from status, which is the dispatcher's own view; it only ever moves forward.
alter table outbox add column delivery_status varchar(16)
    check (delivery_status in ('QUEUED', 'SENT', 'DELIVERED', 'UNDELIVERED', 'FAILED', 'READ'));
alter table outbox add column delivery_error varchar(64);
alter table outbox add column delivery_updated_at timestamp with time zone;
create index outbox_by_provider_message on outbox (provider_message_id);

-- A customer's address a provider reported as unable to receive on a channel (invalid number,
-- hard bounce). The address is kept as its SHA-256, so a corrected address is reachable again
-- and no second copy of it is held.
create table unreachable_contact_point (
    customer_id    uuid        not null references customer (id) on delete cascade,
    channel        varchar(8)  not null,
    address_digest char(64)    not null,
    reason         varchar(200) not null,
    marked_at      timestamp with time zone not null,
    primary key (customer_id, channel, address_digest)
);

-- Customers' replies (e.g. an SMS answer) that no help desk took, and replies from senders no
-- customer has; kept until someone reads them. customer_id is null for an unknown sender.
create table customer_reply (
    id                  uuid         primary key,
    customer_id         uuid         references customer (id) on delete cascade,
    channel             varchar(8)   not null,
    provider_message_id varchar(64)  not null unique,
    sender_digest       char(64)     not null,
    body                varchar(2000),
    received_at         timestamp with time zone not null,
    status              varchar(16)  not null check (status in ('STORED', 'UNKNOWN_SENDER'))
);
create index customer_reply_by_customer on customer_reply (customer_id, received_at);

-- Inbound SMS find their sender by number.
create index customer_by_phone on customer (phone);

-- Spam reports and unsubscribes a provider passes on are recorded as the customer's withdrawal.
alter table consent_record drop constraint consent_record_source_known;
alter table consent_record add constraint consent_record_source_known
    check (source in ('PREFERENCE_CENTRE', 'AGENT', 'IVR', 'EMAIL_LINK', 'SMS_KEYWORD', 'IMPORT', 'CRM_SYNC',
                      'PROVIDER_FEEDBACK'));
