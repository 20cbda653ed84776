create schema audit;

-- Append-only and hash-chained: each row's hash covers its own fields and the previous row's hash, so altering or
-- removing a row breaks the chain from that point on. seq is assigned under a lock (not from a sequence) so that a
-- rolled-back transaction never leaves a gap that would look like a removal.
create table audit.entry (
	seq               bigint      not null primary key,
	occurred_at       timestamptz not null,
	account           text        not null,
	role              text        not null,
	organisation_code text,
	action            text        not null,
	record_type       text        not null,
	record_id         text,
	person_id         uuid,
	purpose           text        not null,
	outcome           text        not null,
	reason            text,
	override          boolean     not null default false,
	prev_hash         text        not null,
	hash              text        not null
);
create index audit_entry_by_person on audit.entry (person_id, occurred_at desc) where person_id is not null;
create index audit_entry_by_account on audit.entry (account, occurred_at desc);

-- The application never updates or deletes audit rows; a trigger makes that a database rule too. A superuser can still
-- drop the trigger, which is why verification does not trust it and re-computes the chain.
create function audit.refuse_change() returns trigger language plpgsql as $$
begin
	raise exception 'audit entries are append-only';
end $$;
create trigger audit_entry_append_only before update or delete on audit.entry
	for each row execute function audit.refuse_change();
