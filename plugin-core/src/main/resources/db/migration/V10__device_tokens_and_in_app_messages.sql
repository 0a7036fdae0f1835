-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- Push registration tokens of a customer's app installs. A token names one install, so it belongs
-- to one customer at a time: registering it for another customer moves it.
create table device_token (
    id            uuid          primary key,
    customer_id   uuid          not null references customer (id) on delete cascade,
    token         varchar(4096) not null unique,
    platform      varchar(16)   not null check (platform in ('ANDROID', 'IOS', 'WEB')),
    registered_at timestamp with time zone not null
);
create index device_token_by_customer on device_token (customer_id, registered_at);

-- Messages kept for the customer to read in the integrator's app. seq counts up per customer in
-- the order the messages were stored (writers take turns on the customer row), so a live stream
-- that has sent seq n misses nothing by asking for seq > n, whatever the replica.
create table in_app_message (
    id          uuid          primary key,
    customer_id uuid          not null references customer (id) on delete cascade,
    seq         bigint        not null,
    send_key    varchar(200)  not null unique,
    category    varchar(16)   not null,
    title       varchar(1000),
    body        text          not null,
    created_at  timestamp with time zone not null,
    read_at     timestamp with time zone,
    unique (customer_id, seq)
);
