-- Hospital discharge (issue 15): admissions, discharge-to-assess pathway and checklist, the person's own
-- view of going home, notices under dated rule sets, delayed days and their attribution.
create schema if not exists discharge;

-- Which discharge rules apply is data: each rule set is in force from a date to a date (inclusive, open when
-- null). An admission takes the rule set in force on its admission date; a local agreement of the
-- partnership wins over a national scheme in force on the same day.
create table discharge.rule_set (
	id uuid primary key,
	name text not null unique,
	legal_basis text not null,
	valid_from date not null,
	valid_to date,
	local_agreement boolean not null default false,
	statutory_notices boolean not null,
	assessment_notice_max_days_before_admission integer,
	discharge_notice_min_days_before_discharge integer,
	assessment_period_days integer,
	daily_reimbursement numeric(10, 2),
	daily_reimbursement_currency text,
	created_by text not null,
	created_at timestamptz not null,
	version bigint not null default 0,
	check (valid_to is null or valid_to >= valid_from),
	check (statutory_notices or (assessment_notice_max_days_before_admission is null
		and discharge_notice_min_days_before_discharge is null and assessment_period_days is null
		and daily_reimbursement is null))
);

-- Care Act 2014 Schedule 3 para 1(3)(b): an assessment notice no more than 7 days before the expected
-- admission; regulation 5 of the 2014 Regulations: a discharge notice at least one day before the proposed
-- discharge day; regulation 8: the relevant day is at least 2 days after the assessment notice. The daily
-- reimbursement of regulation 10 could not be confirmed here, so it is left for the partnership to enter.
insert into discharge.rule_set (id, name, legal_basis, valid_from, valid_to, local_agreement, statutory_notices,
	assessment_notice_max_days_before_admission, discharge_notice_min_days_before_discharge, assessment_period_days,
	daily_reimbursement, daily_reimbursement_currency, created_by, created_at)
values ('7d7f2a7e-0a11-4c55-9d4e-3c2014000003', 'Care Act 2014 Schedule 3 (England)',
	'Care Act 2014 s74 and Schedule 3; Care and Support (Discharge of Hospital Patients) Regulations 2014 (SI 2014/2823); omitted in England from 1 July 2022 by the Health and Care Act 2022',
	'2015-04-01', '2022-06-30', false, true, 7, 1, 2, null, null, 'migration', now()),
	('7d7f2a7e-0a11-4c55-9d4e-3c2022000007', 'Discharge to assess (Health and Care Act 2022)',
	'Health and Care Act 2022 s91 and Schedule 3 (NHS Act 2006 s82A and following); hospital discharge and community support guidance',
	'2022-07-01', null, false, false, null, null, null, null, null, 'migration', now());

create table discharge.admission (
	id uuid primary key,
	person_id uuid not null,
	organisation_id uuid not null,
	ward_team_id uuid not null,
	hospital text not null check (length(hospital) between 1 and 200),
	ward text not null check (length(ward) between 1 and 200),
	admitted_at timestamptz not null,
	planned_discharge date,
	discharged_at timestamptz,
	pathway smallint check (pathway between 0 and 3),
	rule_set_id uuid not null references discharge.rule_set (id),
	support_in_place boolean not null default false,
	equipment boolean not null default false,
	medicines boolean not null default false,
	carer_told boolean not null default false,
	carer_consulted boolean not null default false,
	transport boolean not null default false,
	recorded_by uuid not null,
	recorded_at timestamptz not null,
	version bigint not null default 0,
	check (discharged_at is null or discharged_at >= admitted_at)
);
create index admission_person on discharge.admission (person_id);
create index admission_ward on discharge.admission (ward_team_id) where discharged_at is null;

-- The person's own view of going home, in their own words. Append-only: nobody edits what the person said;
-- a later view (or a correction the person asks for) is a new row, and the earlier ones stay.
create table discharge.own_view (
	id uuid primary key,
	admission_id uuid not null references discharge.admission (id),
	person_id uuid not null,
	words text not null check (length(words) between 1 and 5000),
	told_to uuid not null,
	recorded_at timestamptz not null,
	corrects uuid references discharge.own_view (id)
);
create index own_view_admission on discharge.own_view (admission_id);

create table discharge.notice (
	id uuid primary key,
	admission_id uuid not null references discharge.admission (id),
	person_id uuid not null,
	kind text not null check (kind in ('ASSESSMENT', 'DISCHARGE')),
	given_on date not null,
	proposed_discharge date,
	rule_set_id uuid not null references discharge.rule_set (id),
	given_by uuid not null,
	given_at timestamptz not null,
	unique (admission_id, kind)
);

-- A day on which the person no longer met the criteria to reside but stayed in hospital. The version counts
-- attribution steps, so a stale proposal, agreement or dispute is refused, never applied.
create table discharge.delayed_day (
	id uuid primary key,
	admission_id uuid not null references discharge.admission (id),
	person_id uuid not null,
	day date not null,
	reason text not null,
	recorded_by uuid not null,
	recorded_at timestamptz not null,
	version bigint not null default 0,
	unique (admission_id, day)
);

-- Who the delay is attributed to, by which partner: append-only, so a disputed attribution keeps both views.
create table discharge.attribution (
	id uuid primary key,
	delayed_day_id uuid not null references discharge.delayed_day (id),
	person_id uuid not null,
	step text not null check (step in ('PROPOSED', 'AGREED', 'DISPUTED')),
	side text not null check (side in ('NHS', 'SOCIAL_CARE')),
	attribution text not null check (attribution in ('NHS', 'SOCIAL_CARE', 'BOTH', 'PERSON_CHOICE')),
	note text check (length(note) <= 2000),
	by_practitioner uuid not null,
	by_organisation uuid not null,
	at timestamptz not null
);
create index attribution_day on discharge.attribution (delayed_day_id, at);
