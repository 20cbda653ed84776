-- Eligibility determinations (Care Act 2014 s13; Care and Support (Eligibility Criteria) Regulations 2015) and historic
-- FACS bands. A new Care Act determination supersedes the current one of its kind for the person; superseded rows are
-- kept as history and never deleted. FACS rows are history from the start and never current.
create schema eligibility;

create table eligibility.determination (
	id                     uuid        not null primary key,
	person_id              uuid        not null references person.person (id),
	-- The assessment episode it followed, when there is one; wired to the assessment module once episodes exist.
	assessment_episode_id  uuid,
	kind                   text        not null,
	category               text        not null default 'GENERAL',
	needs_arise            boolean,
	health_at_risk         boolean,
	significant_impact     boolean,
	wellbeing_areas        text[]      not null default '{}',
	facs_band              text,
	facs_threshold         text,
	historic_decision_date date,
	eligible               boolean     not null,
	rationale              text        not null,
	person_view            text,
	practitioner_id        uuid        not null,
	practitioner_name      text        not null,
	profession             text        not null,
	organisation_id        uuid        not null,
	organisation_name      text        not null,
	recorded_by            text        not null,
	recorded_at            timestamptz not null,
	superseded_by          uuid references eligibility.determination (id) deferrable initially deferred,
	superseded_at          timestamptz,
	version                bigint      not null default 0,
	constraint determination_kind check (kind in ('ADULT', 'CARER', 'FACS')),
	constraint determination_facts check (
		(kind = 'FACS' and facs_band is not null and facs_threshold is not null and historic_decision_date is not null
			and historic_decision_date < date '2015-04-01' and needs_arise is null and significant_impact is null)
		or (kind <> 'FACS' and facs_band is null and facs_threshold is null and historic_decision_date is null
			and needs_arise is not null and significant_impact is not null
			and (kind = 'CARER') = (health_at_risk is not null))),
	constraint facs_bands check (facs_band in ('CRITICAL', 'SUBSTANTIAL', 'MODERATE', 'LOW')
		and facs_threshold in ('CRITICAL', 'SUBSTANTIAL', 'MODERATE', 'LOW'))
);
-- At most one current Care Act determination of each kind per person: a second writer racing the first fails here.
create unique index determination_current on eligibility.determination (person_id, kind)
	where superseded_by is null and kind <> 'FACS';
create index determination_by_person on eligibility.determination (person_id, recorded_at desc);

-- The outcomes the person was found unable to achieve, each in one of the senses of reg 2(3) (a to d) or 3(3) (a to c).
create table eligibility.unable_outcome (
	determination_id uuid not null references eligibility.determination (id),
	person_id        uuid not null,
	outcome          text not null,
	sense            text not null,
	primary key (determination_id, outcome),
	constraint unable_sense check (sense in ('NEEDS_ASSISTANCE', 'PAIN_DISTRESS_ANXIETY', 'ENDANGERS',
		'TAKES_SIGNIFICANTLY_LONGER'))
);
