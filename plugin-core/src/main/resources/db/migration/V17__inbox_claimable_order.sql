-- Workers claim a source's pending entries that are unleased or whose lease ran out. Entries the
-- intake hands straight to its worker are stored leased; ordered by (status, occurred_at, id), a
-- claim had to read every leased entry before reaching the first claimable one (under load, a
-- whole handoff's worth, each claim), and PostgreSQL, its statistics lagging behind a fast-growing
-- table, could combine it with the (source, source_event_id) key and read that whole. With the
-- source and the lease in the key, a source's unleased entries are one range of this index (nulls
-- sort last) and its run-out leases another, at their start.
drop index inbox_pending;
create index inbox_pending on inbox (status, source, claimed_until, occurred_at, id);
