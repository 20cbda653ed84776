-- ADR 138. Every entry is written twice (inserted un-chained, then chained by an update that cannot be HOT), and each
-- write adds an entry to every index of its partition. The index on (action, occurred_at) of V50 has one reader, the
-- Caldicott dashboard's count of searches outside the searcher's care teams (SearchVolumes), which only ever asks for
-- that one action; every other entry (all of a request's reads and writes) was placed in it twice for nothing. The
-- index now holds only that action's entries. Made on the partitioned table, so every partition has it, the default
-- one included, and audit.make_month_partitions's new partitions get it when they are made.
drop index audit.audit_entry_by_action;

create index audit_entry_outside_care_teams on audit.entry (occurred_at desc)
	where action = 'search-outside-care-teams';
