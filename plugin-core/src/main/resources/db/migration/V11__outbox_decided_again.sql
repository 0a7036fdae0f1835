-- Written for PostgreSQL; H2 runs it in PostgreSQL mode.

-- A deferred send waits in the outbox until its wake time and is decided again then, which needs
-- the message's collapse key; decide_again marks the sends whose decision must be re-run when due.
alter table outbox add column collapse_key varchar(200) default '' not null;
alter table outbox add column decide_again boolean default false not null;

-- SUPPRESSED: decided again when due and not sent (consent revoked, collapsed, capped). V6 checked
-- the status in an unnamed constraint whose name differs between the databases, so the column is
-- replaced (which drops that constraint) and the new one is checked by a named constraint.
drop index outbox_due;
alter table outbox add column status_checked varchar(16);
update outbox set status_checked = status;
alter table outbox drop column status;
alter table outbox rename column status_checked to status;
alter table outbox alter column status set not null;
alter table outbox add constraint outbox_status_known
    check (status in ('QUEUED', 'SENDING', 'SENT', 'FAILED', 'UNDELIVERABLE', 'SUPPRESSED'));
create index outbox_due on outbox (status, next_attempt_at);
create index outbox_by_message on outbox (message_id);
