-- Which customer an inbox entry turned out to be about (set by the worker once it resolves them),
-- so erasing a customer can erase the payloads about them; erased_at marks a payload erased.
-- The entry itself stays: its (source, source_event_id) keeps deduplicating redeliveries.
alter table inbox add column customer_id uuid;
alter table inbox add column erased_at timestamp with time zone;
create index inbox_customer on inbox (customer_id);
