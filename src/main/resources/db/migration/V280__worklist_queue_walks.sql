-- The worklist pages each organisation queue in its order (ADR 0058): these let a page walk one organisation's open
-- actions by (due_on, id) and stop at the page's end, instead of walking every organisation's open actions by due
-- date and discarding the others'. On a generated 100,000-person population (docs/benchmarks.md, session 11,
-- worklist) a practitioner's first page of the overdue queue read 56,819 buffers without and 25,295 with the first;
-- the offered-in queue, which has few rows, read all 55,864 open actions without the second and 2 buffers with it.
-- "if not exists": both were first made by hand on that population to measure them.
create index if not exists action_open_by_owner_due on careplan.action (owner_organisation_id, due_on, id)
	where status in ('OPEN', 'IN_PROGRESS');

create index if not exists action_open_offered_due on careplan.action (offered_to_organisation_id, due_on, id)
	where status in ('OPEN', 'IN_PROGRESS') and offered_to_organisation_id is not null;
