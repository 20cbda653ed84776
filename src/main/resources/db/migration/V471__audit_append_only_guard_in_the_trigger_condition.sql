-- ADR 111. The append-only guard of V215 called its PL/pgSQL function for every row the chainer chains, only to find
-- the one allowed change (un-chained to chained, every other column as it was) and let it through. The same test is
-- now the triggers' WHEN condition, which the executor evaluates without calling PL/pgSQL: the function runs, and
-- refuses, only on a change that is not the chaining. A DELETE trigger's condition may not name NEW, so deletes have
-- their own trigger, with no condition. The function is unchanged and still checks on its own.
drop trigger audit_entry_append_only on audit.entry;

create trigger audit_entry_append_only before update on audit.entry
	for each row
	when (old.seq is not null or new.seq is null
		or (new.id, new.occurred_at, new.account, new.role, new.organisation_code, new.action, new.record_type,
		    new.record_id, new.person_id, new.purpose, new.outcome, new.reason, new.override)
		   is distinct from
		   (old.id, old.occurred_at, old.account, old.role, old.organisation_code, old.action, old.record_type,
		    old.record_id, old.person_id, old.purpose, old.outcome, old.reason, old.override))
	execute function audit.refuse_change_but_chaining();

create trigger audit_entry_never_deleted before delete on audit.entry
	for each row execute function audit.refuse_change_but_chaining();
