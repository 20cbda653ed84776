-- Alerts on a person's record (a safeguarding concern, a key safe, lives alone, do not attempt
-- resuscitation, a risk to visiting staff). An alert is personal data like any entry: its data
-- category and the organisation that raised it decide, through the access rules, who sees it. It is
-- never deleted: ending it records who, when and why, and the version column guards against two
-- people ending or changing it at once.
create table person.alert (
	id                     uuid        not null primary key,
	person_id              uuid        not null references person.person (id),
	kind                   text        not null,
	category               text        not null,
	source_organisation_id uuid        not null,
	note                   text,
	raised_by              text        not null,
	raised_by_name         text        not null,
	raised_at              timestamptz not null,
	ended_by               text,
	ended_at               timestamptz,
	end_reason             text,
	version                bigint      not null default 0
);
create index alert_by_person on person.alert (person_id) where ended_at is null;
-- One current alert of each kind per person: raising it again is a message, not a second row.
create unique index alert_one_current_kind on person.alert (person_id, kind) where ended_at is null;
