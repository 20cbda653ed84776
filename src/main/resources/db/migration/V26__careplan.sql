-- The person-centred care and support plan: one per person, shared by every partner.
-- Every row carries person_id (ready for distribution by person) and the data category and
-- recording organisation the access policy needs. Nothing here is ever deleted: sign-ups and
-- agreements are withdrawn by a later row, actions are closed, not removed.
create schema careplan;

create table careplan.care_plan (
	id                     uuid        not null primary key,
	person_id              uuid        not null unique references person.person (id),
	-- The assessment this plan answers, when there is one; no foreign key, the assessment
	-- module comes later and owns its own rows.
	assessment_episode_id  uuid,
	source_organisation_id uuid        not null,
	created_by             text        not null,
	created_at             timestamptz not null,
	next_review_on         date,
	version                bigint      not null default 0
);

-- "What matters to me", in the person's own words.
create table careplan.outcome (
	id          uuid        not null primary key,
	plan_id     uuid        not null references careplan.care_plan (id),
	person_id   uuid        not null,
	words       text        not null,
	recorded_by text        not null,
	recorded_at timestamptz not null,
	version     bigint      not null default 0
);
create index outcome_by_plan on careplan.outcome (plan_id);

create table careplan.objective (
	id                     uuid        not null primary key,
	plan_id                uuid        not null references careplan.care_plan (id),
	person_id              uuid        not null,
	outcome_id             uuid references careplan.outcome (id),
	section                text        not null check (section in ('HEALTH', 'SOCIAL_CARE')),
	description            text        not null,
	target                 text        not null,
	measure                text        not null,
	target_date            date        not null,
	need_codes             text[]      not null default '{}',
	category               text        not null,
	source_organisation_id uuid        not null,
	created_by             text        not null,
	created_at             timestamptz not null,
	version                bigint      not null default 0
);
create index objective_by_plan on careplan.objective (plan_id);

-- The partner organisations named as contributing to an objective.
create table careplan.objective_partner (
	objective_id    uuid not null references careplan.objective (id),
	organisation_id uuid not null references team.organisation (id),
	primary key (objective_id, organisation_id)
);

-- Each row is one signature or one withdrawal; the latest row per organisation is in force.
create table careplan.sign_up (
	id              uuid        not null primary key,
	seq             bigint      generated always as identity,
	objective_id    uuid        not null references careplan.objective (id),
	person_id       uuid        not null,
	organisation_id uuid        not null references team.organisation (id),
	practitioner_id uuid        not null references team.practitioner (id),
	signed          boolean     not null,
	reason          text,
	recorded_at     timestamptz not null
);
create index sign_up_by_objective on careplan.sign_up (objective_id, organisation_id, seq);

-- The person's (or their representative's) view of an objective; the latest row is in force,
-- and a withdrawal is a row with view WITHDRAWN.
create table careplan.agreement (
	id                 uuid        not null primary key,
	seq                bigint      generated always as identity,
	objective_id       uuid        not null references careplan.objective (id),
	person_id          uuid        not null,
	view               text        not null check (view in ('AGREES', 'DISAGREES', 'WITHDRAWN')),
	-- PERSON, or the representative's relationship (CARE_ACT_ADVOCATE, LPA_HEALTH_AND_WELFARE, ...)
	given_by           text        not null,
	related_person_id  uuid references person.related_person (id),
	representative     text,
	reason             text,
	recorded_by        text        not null,
	recorded_at        timestamptz not null
);
create index agreement_by_objective on careplan.agreement (objective_id, seq);

-- An action or service has exactly one accountable owner at every moment: the columns are
-- not null, and a handover offer leaves them unchanged until the other side accepts.
create table careplan.action (
	id                         uuid        not null primary key,
	plan_id                    uuid        not null references careplan.care_plan (id),
	person_id                  uuid        not null,
	objective_id               uuid references careplan.objective (id),
	kind                       text        not null check (kind in ('ACTION', 'SERVICE')),
	description                text        not null,
	category                   text        not null,
	owner_organisation_id      uuid        not null references team.organisation (id),
	owner_practitioner_id      uuid        not null references team.practitioner (id),
	owner_team_id              uuid references team.team (id),
	due_on                     date        not null,
	status                     text        not null check (status in ('OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED')),
	offered_to_organisation_id uuid references team.organisation (id),
	offered_by                 text,
	offered_at                 timestamptz,
	escalated_at               timestamptz,
	escalated_to_team_id       uuid references team.team (id),
	version                    bigint      not null default 0
);
create index action_by_plan on careplan.action (plan_id);
create index action_by_owner on careplan.action (owner_practitioner_id, person_id) where status in ('OPEN', 'IN_PROGRESS');
create index action_open_due on careplan.action (due_on) where status in ('OPEN', 'IN_PROGRESS');

create table careplan.action_history (
	id          uuid        not null primary key,
	action_id   uuid        not null references careplan.action (id),
	person_id   uuid        not null,
	event       text        not null,
	detail      text,
	recorded_by text        not null,
	recorded_at timestamptz not null
);
create index action_history_by_action on careplan.action_history (action_id, recorded_at);

-- Crisis and contingency: one row per plan, its own section with its own version.
create table careplan.contingency (
	plan_id                uuid        not null primary key references careplan.care_plan (id),
	person_id              uuid        not null,
	in_a_crisis            text        not null,
	out_of_hours_contact   text        not null,
	source_organisation_id uuid        not null,
	updated_by             text        not null,
	updated_at             timestamptz not null,
	version                bigint      not null default 0
);

-- Risks the person chooses to take (risk enablement), agreed with the team.
create table careplan.risk (
	id                     uuid        not null primary key,
	plan_id                uuid        not null references careplan.care_plan (id),
	person_id              uuid        not null,
	description            text        not null,
	persons_choice         text        not null,
	how_we_reduce_it       text        not null,
	category               text        not null,
	source_organisation_id uuid        not null,
	recorded_by            text        not null,
	recorded_at            timestamptz not null
);
create index risk_by_plan on careplan.risk (plan_id);

-- Options put to the person where professionals differ, each professional's view, and the
-- person's choice. The choice is open until the person makes it.
create table careplan.decision (
	id                     uuid        not null primary key,
	plan_id                uuid        not null references careplan.care_plan (id),
	person_id              uuid        not null,
	question               text        not null,
	category               text        not null,
	source_organisation_id uuid        not null,
	chosen_option_id       uuid,
	choice_in_own_words    text,
	chosen_at              timestamptz,
	recorded_by            text        not null,
	recorded_at            timestamptz not null,
	version                bigint      not null default 0
);
create table careplan.decision_option (
	id           uuid not null primary key,
	decision_id  uuid not null references careplan.decision (id),
	person_id    uuid not null,
	position     int  not null,
	description  text not null
);
create table careplan.professional_view (
	id              uuid        not null primary key,
	option_id       uuid        not null references careplan.decision_option (id),
	person_id       uuid        not null,
	practitioner_id uuid        not null references team.practitioner (id),
	organisation_id uuid        not null references team.organisation (id),
	view            text        not null,
	recorded_at     timestamptz not null
);

create table careplan.review (
	id            uuid        not null primary key,
	plan_id       uuid        not null references careplan.care_plan (id),
	person_id     uuid        not null,
	kind          text        not null check (kind in ('SCHEDULED', 'AD_HOC')),
	held_on       date        not null,
	notes         text,
	recorded_by   text        not null,
	recorded_at   timestamptz not null
);
create index review_by_plan on careplan.review (plan_id, held_on);

-- Goal attainment scaling: -2 much less than expected ... +2 much more, from both sides.
create table careplan.attainment_score (
	review_id    uuid     not null references careplan.review (id),
	objective_id uuid     not null references careplan.objective (id),
	person_id    uuid     not null,
	scorer       text     not null check (scorer in ('PERSON', 'PRACTITIONER')),
	score        smallint not null check (score between -2 and 2),
	primary key (review_id, objective_id, scorer)
);
