-- Completing an overview needs every domain assessed or marked not relevant with a reason
-- (issue 11). A section marked not relevant keeps who said so, when and why.
alter table assessment.section drop constraint section_status_check;
alter table assessment.section add constraint section_status_check
	check (status in ('not-started', 'in-progress', 'signed', 'not-relevant'));
alter table assessment.section add column not_relevant_reason text;
alter table assessment.section add column not_relevant_by_name text;
alter table assessment.section add column not_relevant_at timestamptz;
alter table assessment.section add constraint not_relevant_has_reason
	check (status <> 'not-relevant' or (not_relevant_reason is not null and not_relevant_at is not null));

-- A carer's assessment is on the carer's own record and names whom they care for; the
-- name is kept as the carer gave it, as information in the carer's record.
alter table assessment.episode add column cares_for_person_id uuid;
alter table assessment.episode add column cares_for_name text;

-- The person's own words are never edited; a correction they ask for is kept beside the
-- original, with who asked, who recorded it, when and why.
create table assessment.own_words_correction (
	id                 uuid        primary key,
	answer_id          uuid        not null references assessment.answer (id),
	episode_id         uuid        not null references assessment.episode (id),
	person_id          uuid        not null,
	words              text        not null,
	stated_by          text        not null check (stated_by in ('person', 'carer', 'advocate')),
	stated_by_name     text,
	reason             text        not null,
	recorded_by_name   text        not null,
	organisation_id    uuid        not null,
	recorded_at        timestamptz not null,
	category           text        not null
);
create index own_words_correction_episode on assessment.own_words_correction (episode_id, recorded_at);
