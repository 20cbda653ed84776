-- Carers in their own right (issue 11): a carer named on a person's record may also be a
-- person with their own record and care team. The link says who cares for whom; it gives
-- neither care team any access to the other record.
alter table person.related_person add column related_record_id uuid references person.person (id);
create index related_person_by_record on person.related_person (related_record_id) where related_record_id is not null;
create unique index one_link_per_carer on person.related_person (person_id, related_record_id)
	where related_record_id is not null;

-- Answers that belong on the record (preferred name, communication needs, language, lives
-- alone, has an unpaid carer), offered back by an assessment for a practitioner to
-- confirm or decline. The answer's provenance is kept as it was when offered.
create table person.record_offer (
	id                uuid        primary key,
	person_id         uuid        not null references person.person (id),
	field             text        not null check (field in ('preferred-name', 'communication-needs', 'language',
	                                                        'lives-alone', 'has-carer')),
	offered_value     text        not null,
	source_episode_id uuid        not null,
	source_answer_id  uuid        not null,
	source_label      text        not null,
	recorded_by_name  text        not null,
	organisation_id   uuid        not null,
	recorded_at       timestamptz not null,
	status            text        not null default 'offered' check (status in ('offered', 'confirmed', 'declined')),
	decided_by_name   text,
	decided_at        timestamptz,
	version           bigint      not null default 0,
	unique (person_id, source_answer_id)
);
create index record_offer_by_person on person.record_offer (person_id, status, recorded_at desc);

-- A carer's view on an objective of the plan of the person they care for: kept apart
-- from the person's own view, which it never replaces.
create table careplan.carer_view (
	id                uuid        primary key,
	objective_id      uuid        not null references careplan.objective (id),
	person_id         uuid        not null,
	carer_person_id   uuid        not null,
	carer_name        text        not null,
	view              text        not null check (view in ('AGREES', 'DISAGREES', 'COMMENT')),
	words             text        not null,
	recorded_by_name  text        not null,
	organisation_id   uuid        not null,
	recorded_at       timestamptz not null,
	category          text        not null
);
create index carer_view_by_objective on careplan.carer_view (objective_id, recorded_at);
