-- Workers claim pending entries in (occurred_at, id) order with a LIMIT. With the id in the index
-- that order comes straight from it, so a claim reads one batch of rows instead of sorting the
-- whole backlog first (which made every claim slower the further the workers fell behind).
drop index inbox_pending;
create index inbox_pending on inbox (status, occurred_at, id);
