-- The Caldicott dashboard counts one kind of entry (searches outside the searcher's care teams) per account and hour.
create index audit_entry_by_action on audit.entry (action, occurred_at desc);
