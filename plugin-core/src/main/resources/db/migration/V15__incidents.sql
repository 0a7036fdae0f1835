-- Incidents (outages, disruptions, scheduled maintenance), whom they affect, and their status timeline.
-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

create table incident (
    id          uuid primary key,
    title       varchar(200) not null,
    kind        varchar(32)  not null check (kind in ('SCHEDULED_MAINTENANCE', 'UNPLANNED_OUTAGE', 'PARTIAL_DISRUPTION')),
    severity    varchar(16)  not null check (severity in ('MINOR', 'MAJOR', 'CRITICAL')),
    status      varchar(16)  not null check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
    starts_at   timestamp with time zone not null,
    declared_at timestamp with time zone not null,
    resolved_at timestamp with time zone,
    check ((status = 'RESOLVED') = (resolved_at is not null))
);
-- Unresolved incidents are few and read often (the decision path's snapshot); resolved ones pile up.
create index incident_by_resolution on incident (resolved_at, starts_at);

-- One row per scope value, like customer_segment, so the affected-customer count is one query on
-- both databases. A dimension without rows means "every customer".
create table incident_scope (
    incident_id uuid        not null references incident (id) on delete cascade,
    dimension   varchar(16) not null check (dimension in ('SERVICE', 'REGION', 'SEGMENT')),
    scope_value varchar(64) not null,
    primary key (incident_id, dimension, scope_value)
);

create table incident_update (
    incident_id uuid          not null references incident (id) on delete cascade,
    sequence    integer       not null,
    status      varchar(16)   not null check (status in ('INVESTIGATING', 'IDENTIFIED', 'MONITORING', 'RESOLVED')),
    message     varchar(2000) not null,
    posted_at   timestamp with time zone not null,
    posted_by   varchar(100)  not null,
    primary key (incident_id, sequence)
);
