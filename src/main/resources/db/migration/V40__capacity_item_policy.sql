-- Capacity assessments and best-interests decisions are read through the item-level access
-- policy, which needs a data category and the organisation that recorded each row.
-- Category: a capacity assessment records an impairment of the mind or brain and what the
-- person can understand, so it is mental health information (there is no separate mental
-- capacity category); a best-interests decision rests on it and says as much. Crossing to
-- another organisation it needs the person's explicit consent or a best-interests decision,
-- like any mental health information.
-- Source: the organisation of the practitioner whose account recorded the row. Rows recorded
-- by an account without a practitioner keep no source, like core details that belong to the
-- whole partnership.
alter table consent.capacity_assessment
	add column category text not null default 'MENTAL_HEALTH',
	add column source_organisation_id uuid references team.organisation (id);
alter table consent.best_interests_decision
	add column category text not null default 'MENTAL_HEALTH',
	add column source_organisation_id uuid references team.organisation (id);

update consent.capacity_assessment c set source_organisation_id = p.organisation_id
from team.account a join team.practitioner p on p.id = a.practitioner_id
where a.username = c.assessed_by;

update consent.best_interests_decision d set source_organisation_id = p.organisation_id
from team.account a join team.practitioner p on p.id = a.practitioner_id
where a.username = d.decided_by;

-- New rows state their category.
alter table consent.capacity_assessment alter column category drop default;
alter table consent.best_interests_decision alter column category drop default;
