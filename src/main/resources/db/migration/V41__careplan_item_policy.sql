-- The contingency section and review notes are read through the item-level access policy,
-- which needs a data category and the organisation that recorded each row.
-- Contingency already names its source organisation; it is general information (who to
-- call, what to do), shared under an agreement like the rest of the plan.
alter table careplan.contingency add column category text not null default 'GENERAL';
alter table careplan.contingency alter column category drop default;

-- A review's notes belong to the organisation of the practitioner who recorded them; rows
-- whose recording account has no practitioner fall back to the organisation that holds the
-- plan. Attainment scores follow the objective they score, so they need no columns.
alter table careplan.review
	add column category text not null default 'GENERAL',
	add column source_organisation_id uuid references team.organisation (id);
update careplan.review rv set source_organisation_id = coalesce(
	(select p.organisation_id from team.account a join team.practitioner p on p.id = a.practitioner_id
	 where a.username = rv.recorded_by),
	(select cp.source_organisation_id from careplan.care_plan cp where cp.id = rv.plan_id));
alter table careplan.review alter column source_organisation_id set not null;
alter table careplan.review alter column category drop default;
