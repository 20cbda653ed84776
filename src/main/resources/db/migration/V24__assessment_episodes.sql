-- One shared assessment per episode of need. Sections are contributed by practitioners of
-- different organisations; every answer keeps who gave it, in what capacity and where from.

create table assessment.episode (
	id                 uuid        primary key,
	person_id          uuid        not null,
	stage              text        not null check (stage in ('contact', 'overview', 'specialist', 'comprehensive', 'carer')),
	status             text        not null check (status in ('open', 'completed')),
	opened_by          uuid        not null,
	opened_by_name     text        not null,
	opened_by_org      uuid        not null,
	opened_at          timestamptz not null,
	completed_at       timestamptz,
	summary_shared_at  timestamptz,
	summary_shared_by  text,
	version            bigint      not null default 0
);
create index episode_person on assessment.episode (person_id, opened_at desc);

-- A section of an instrument within an episode; its version is what two practitioners
-- editing the same episode race on, so they only conflict when they edit the same section.
create table assessment.section (
	id                 uuid        primary key,
	episode_id         uuid        not null references assessment.episode (id),
	person_id          uuid        not null,
	instrument_id      text        not null,
	instrument_version integer     not null,
	section_id         text        not null,
	category           text        not null,
	position           integer     not null,
	status             text        not null check (status in ('not-started', 'in-progress', 'signed')),
	author_id          uuid,
	author_name        text,
	author_profession  text,
	author_org         uuid,
	updated_at         timestamptz,
	signed_at          timestamptz,
	version            bigint      not null default 0,
	unique (episode_id, instrument_id, section_id)
);
create index section_episode on assessment.section (episode_id, position);

create table assessment.answer (
	id                 uuid        primary key,
	section_row_id     uuid        not null references assessment.section (id),
	episode_id         uuid        not null references assessment.episode (id),
	person_id          uuid        not null,
	question_id        text        not null,
	reuse_key          text,
	answer_value       text        not null,
	source             text        not null check (source in ('person', 'carer', 'advocate', 'observation', 'imported')),
	reused_from        uuid        references assessment.answer (id),
	recorded_by        uuid        not null,
	recorded_by_name   text        not null,
	profession         text        not null,
	organisation_id    uuid        not null,
	recorded_at        timestamptz not null,
	category           text        not null,
	current            boolean     not null default true
);
-- Tell us once looks up the latest current answer to the same question for the person.
create index answer_reuse on assessment.answer (person_id, reuse_key, recorded_at desc) where current;
create index answer_section on assessment.answer (section_row_id) where current;

-- Where the person, a carer or an advocate disagrees with a professional finding: kept in
-- their words beside the finding, never merged into it.
create table assessment.disagreement (
	id                 uuid        primary key,
	episode_id         uuid        not null references assessment.episode (id),
	person_id          uuid        not null,
	answer_id          uuid        not null references assessment.answer (id),
	stated_by          text        not null check (stated_by in ('person', 'carer', 'advocate')),
	stated_by_name     text,
	words              text        not null,
	recorded_by_name   text        not null,
	organisation_id    uuid        not null,
	recorded_at        timestamptz not null,
	category           text        not null
);
create index disagreement_episode on assessment.disagreement (episode_id);
