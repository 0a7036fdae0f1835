-- A claim leases its batch with one statement and reads back the entries it won by this token,
-- instead of one conditional update per entry.
alter table inbox add column claim_token uuid;
