-- The sync claims due customers in (next_attempt_at, customer_id) order; with the id in the index
-- a claim reads the first due rows instead of sorting every due row (a backfill queues tens of
-- thousands at the same instant).
drop index zendesk_user_sync_due;
create index zendesk_user_sync_due on zendesk_user_sync (next_attempt_at, customer_id);
