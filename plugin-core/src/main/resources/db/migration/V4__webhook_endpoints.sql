-- Integrators' outbound webhook endpoints. The whsec_ secret is kept as is because every
-- delivery is signed with it; the API shows it only when the endpoint is created.
create table webhook_endpoint (
    id              uuid          primary key,
    url             varchar(2048) not null,
    description     varchar(200),
    secret          varchar(100)  not null,
    enabled         boolean       not null,
    disabled_reason varchar(200),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);

create table webhook_endpoint_event (
    endpoint_id uuid        not null references webhook_endpoint (id) on delete cascade,
    event_type  varchar(64) not null,
    primary key (endpoint_id, event_type)
);
create index webhook_endpoint_event_by_type on webhook_endpoint_event (event_type);
