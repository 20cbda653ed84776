-- Which organisation recorded the person's core details; null means loaded for the whole partnership (demo, import).
alter table person.person add column source_organisation_id uuid;

-- Recorded information about a person, each piece with the data category that decides who may see it.
create table person.entry (
	id                     uuid        not null primary key,
	person_id              uuid        not null references person.person (id),
	category               text        not null,
	source_organisation_id uuid        not null,
	author                 text        not null,
	title                  text        not null,
	body                   text        not null,
	recorded_at            timestamptz not null
);
create index entry_by_person on person.entry (person_id, recorded_at desc);
