create schema consent;

-- A decision-specific capacity assessment (Mental Capacity Act 2005 s2-3): the four-part functional test.
create table consent.capacity_assessment (
	id                    uuid        not null primary key,
	person_id             uuid        not null,
	decision              text        not null,
	impairment            boolean     not null,
	can_understand        boolean     not null,
	can_retain            boolean     not null,
	can_weigh             boolean     not null,
	can_communicate       boolean     not null,
	lacks_capacity        boolean     not null,
	notes                 text,
	assessed_by           text        not null,
	assessed_at           timestamptz not null
);
create index capacity_by_person on consent.capacity_assessment (person_id, assessed_at desc);

-- A best-interests decision (MCA s4) that stands in for the person's consent to sharing.
create table consent.best_interests_decision (
	id                     uuid        not null primary key,
	person_id              uuid        not null,
	capacity_assessment_id uuid        not null references consent.capacity_assessment (id),
	decision               text        not null,
	people_consulted       text        not null,
	attorney_or_deputy     text,
	advocate               text,
	advocate_involved      boolean     not null,
	decided_by             text        not null,
	decided_at             timestamptz not null
);

-- The person's choices: consent, dissent and objection, dated and revocable. A null organisation or category means
-- "all". Withdrawal keeps the row (history is never deleted).
create table consent.choice (
	id                        uuid        not null primary key,
	person_id                 uuid        not null,
	kind                      text        not null,
	organisation_id           uuid,
	category                  text,
	how_given                 text        not null,
	effective_from            date        not null,
	expires_on                date,
	best_interests_decision_id uuid references consent.best_interests_decision (id),
	recorded_by               text        not null,
	recorded_at               timestamptz not null,
	withdrawn_at              timestamptz,
	withdrawn_by              text,
	version                   bigint      not null default 0,
	constraint choice_kind check (kind in ('CONSENT', 'DISSENT', 'OBJECTION')),
	constraint choice_how check (how_given in ('VERBAL', 'WRITTEN', 'PORTAL', 'BEST_INTERESTS'))
);
create index choice_by_person on consent.choice (person_id) where withdrawn_at is null;

-- Emergency or safeguarding access ("break glass"): time-limited, reviewed by the Caldicott guardian.
create table consent.override (
	id              uuid        not null primary key,
	person_id       uuid        not null,
	account         text        not null,
	practitioner_id uuid,
	organisation_id uuid,
	reason_code     text        not null,
	reason_text     text        not null,
	started_at      timestamptz not null,
	expires_at      timestamptz not null,
	review_status   text        not null default 'PENDING',
	reviewed_by     text,
	reviewed_at     timestamptz,
	review_note     text,
	escalated_at    timestamptz,
	version         bigint      not null default 0,
	constraint override_review check (review_status in ('PENDING', 'APPROPRIATE', 'INAPPROPRIATE'))
);
create index override_active on consent.override (person_id, account, expires_at);
create index override_pending on consent.override (review_status, started_at) where review_status = 'PENDING';

-- Time-limited access for a whole team to some categories, e.g. while a referral to that team is pending.
create table consent.access_grant (
	id         uuid        not null primary key,
	person_id  uuid        not null,
	team_id    uuid        not null references team.team (id),
	category   text        not null,
	source     text        not null,
	expires_at timestamptz not null,
	created_at timestamptz not null
);
create index access_grant_by_person on consent.access_grant (person_id, team_id);

-- The person's effective choice for information about them from another organisation reaching :viewer_org, for one
-- category. Rule (documented in docs/information-governance.md): of the choices in force today whose scope covers the
-- organisation and the category (a null scope covers all), the latest dated wins; on the same date an objection or
-- dissent wins over consent. Null when the person has made no applicable choice (implied consent for direct care).
create function consent.effective_choice(p_person uuid, p_viewer_org uuid, p_category text) returns text
	language sql stable as $$
	select ch.kind from consent.choice ch
	where ch.person_id = p_person
	  and ch.withdrawn_at is null
	  and ch.effective_from <= current_date
	  and (ch.expires_on is null or ch.expires_on > current_date)
	  and (ch.organisation_id is null or ch.organisation_id = p_viewer_org)
	  and (ch.category is null or ch.category = p_category)
	order by ch.effective_from desc, case when ch.kind = 'CONSENT' then 1 else 0 end, ch.recorded_at desc
	limit 1
$$;
