-- Documents attached to a person's record (letters, reports, photos). A document is personal data
-- like any entry: its data category and the organisation that uploaded it decide, through the access
-- rules, who lists or downloads it. The content is held here (bytea) so it is backed up, governed and
-- audited with the rest of the record. Removing one records who, when and why and keeps the row.
create table person.document (
	id                     uuid        not null primary key,
	person_id              uuid        not null references person.person (id),
	title                  text        not null,
	kind                   text        not null,
	category               text        not null,
	source_organisation_id uuid        not null,
	media_type             text        not null,
	size_bytes             integer     not null,
	content                bytea       not null,
	uploaded_by            text        not null,
	uploaded_by_name       text        not null,
	uploaded_at            timestamptz not null,
	removed_by             text,
	removed_at             timestamptz,
	removal_reason         text,
	version                bigint      not null default 0
);
create index document_by_person on person.document (person_id) where removed_at is null;

-- The person's GP practice, as the practitioner knows it: a name and its ODS code, both optional.
alter table person.person add column gp_practice_name text;
alter table person.person add column gp_ods_code text;
