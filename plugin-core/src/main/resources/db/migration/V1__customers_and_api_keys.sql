-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

create table customer (
    id                       uuid primary key,
    zendesk_user_id          varchar(64) unique,
    salesforce_contact_id    varchar(18) unique,
    salesforce_individual_id varchar(18) unique,
    email                    varchar(254),
    phone                    varchar(16),
    locale                   varchar(35),
    time_zone                varchar(64),
    country                  char(2),
    subdivision              varchar(6),
    postal_code              varchar(16),
    created_at               timestamp with time zone not null,
    updated_at               timestamp with time zone not null
);

-- Segments and services are rows, not arrays, so outage scoping can query them on both databases.
create table customer_segment (
    customer_id uuid        not null references customer (id) on delete cascade,
    segment     varchar(64) not null,
    primary key (customer_id, segment)
);
create index customer_segment_by_segment on customer_segment (segment);

create table customer_service (
    customer_id uuid        not null references customer (id) on delete cascade,
    service     varchar(64) not null,
    primary key (customer_id, service)
);
create index customer_service_by_service on customer_service (service);

create table api_key (
    id         uuid primary key,
    name       varchar(100) not null,
    role       varchar(16)  not null check (role in ('admin', 'agent', 'integrator')),
    prefix     varchar(16)  not null,
    key_hash   char(64)     not null unique,
    created_at timestamp with time zone not null,
    revoked_at timestamp with time zone
);
