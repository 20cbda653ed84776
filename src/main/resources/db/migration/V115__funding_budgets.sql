-- Personal budgets, direct payments and approvals (issue 18, second half). Money is numeric(12,2), never
-- floating point; every rate and threshold is a row by financial year (the year starting 1 April of
-- financial_year), never code.
create schema if not exists funding;

-- The resource allocation system: points for each eligible outcome by the sense in which the person is
-- unable to achieve it (Eligibility Regulations 2015 reg 2(3) (a) to (d)), and the price of one point.
create table funding.ras_rate (
	financial_year integer primary key check (financial_year between 2000 and 2100),
	points_needs_assistance integer not null check (points_needs_assistance >= 0),
	points_pain_distress integer not null check (points_pain_distress >= 0),
	points_endangers integer not null check (points_endangers >= 0),
	points_takes_longer integer not null check (points_takes_longer >= 0),
	weekly_rate_per_point numeric(12, 2) not null check (weekly_rate_per_point >= 0),
	source text not null,
	recorded_by text not null,
	recorded_at timestamptz not null
);

-- A package or budget above its team's threshold needs approval before it starts; above the panel
-- threshold (when set) only the funding panel approves it.
create table funding.approval_threshold (
	team_id uuid not null,
	financial_year integer not null check (financial_year between 2000 and 2100),
	weekly_threshold numeric(12, 2) not null check (weekly_threshold >= 0),
	panel_threshold numeric(12, 2) check (panel_threshold is null or panel_threshold >= weekly_threshold),
	recorded_by text not null,
	recorded_at timestamptz not null,
	primary key (team_id, financial_year)
);

-- The teams whose members sit on the funding panel.
create table funding.panel_team (
	team_id uuid primary key,
	recorded_by text not null,
	recorded_at timestamptz not null
);

create table funding.personal_budget (
	id uuid primary key,
	person_id uuid not null unique,
	team_id uuid not null,
	organisation_id uuid not null,
	category text not null default 'GENERAL',
	financial_year integer not null,
	indicative_points integer not null check (indicative_points >= 0),
	indicative_weekly numeric(12, 2) not null check (indicative_weekly >= 0),
	indicative_working text not null,
	created_by text not null,
	created_at timestamptz not null,
	version bigint not null default 0
);

-- The weekly cost of one action or service in the person's care plan, keyed by the plan item's id, and
-- who pays it. Kept here so that the plan's own rows stay free of money (ADR 0025-fund-budget).
create table funding.support_cost (
	action_id uuid primary key,
	budget_id uuid not null references funding.personal_budget (id),
	person_id uuid not null,
	organisation_id uuid not null,
	category text not null default 'GENERAL',
	weekly_cost numeric(12, 2) not null check (weekly_cost >= 0),
	payer text not null check (payer in ('COUNCIL', 'NHS')),
	recorded_by text not null,
	recorded_at timestamptz not null,
	version bigint not null default 0
);
create index support_cost_budget on funding.support_cost (budget_id);

-- Each request for approval and its decision. The costs it was asked about are kept as a fingerprint, so a
-- later change to the costed support is seen as unapproved.
create table funding.budget_approval (
	id uuid primary key,
	budget_id uuid not null references funding.personal_budget (id),
	person_id uuid not null,
	team_id uuid not null,
	organisation_id uuid not null,
	category text not null default 'GENERAL',
	weekly_total numeric(12, 2) not null check (weekly_total >= 0),
	costs_fingerprint text not null,
	needs_panel boolean not null,
	requested_by text not null,
	requested_at timestamptz not null,
	decision text check (decision in ('APPROVED', 'RETURNED', 'DECLINED')),
	comments text check (length(comments) <= 2000),
	decided_by text,
	decided_at timestamptz,
	version bigint not null default 0,
	check ((decision is null) = (decided_at is null))
);
create index budget_approval_budget on funding.budget_approval (budget_id, requested_at);
create index budget_approval_open on funding.budget_approval (team_id) where decision is null;

create table funding.direct_payment (
	id uuid primary key,
	budget_id uuid not null unique references funding.personal_budget (id),
	person_id uuid not null,
	organisation_id uuid not null,
	category text not null default 'GENERAL',
	manager_kind text not null check (manager_kind in ('PERSON', 'NOMINEE', 'AUTHORISED_PERSON')),
	manager_name text check (length(manager_name) between 1 and 200),
	requested_by text not null,
	requested_at timestamptz not null,
	agreement_signed_on date,
	payment_every_weeks integer check (payment_every_weeks in (1, 2, 4)),
	first_payment_on date,
	version bigint not null default 0,
	check ((manager_kind = 'PERSON') = (manager_name is null))
);

-- Who the direct payment pays for care. A close relative living in the same household is paid only with an
-- exception a team manager authorised (Care and Support (Direct Payments) Regulations 2014, reg 3).
create table funding.direct_payment_carer (
	id uuid primary key,
	direct_payment_id uuid not null references funding.direct_payment (id),
	person_id uuid not null,
	name text not null check (length(name) between 1 and 200),
	close_relative boolean not null,
	same_household boolean not null,
	exception_reason text check (length(exception_reason) <= 2000),
	exception_authorised_by text,
	recorded_by text not null,
	recorded_at timestamptz not null,
	check (not (close_relative and same_household) or exception_authorised_by is not null)
);

-- The ledger: money paid to the person, money they returned, and surplus the council reclaimed. Amounts are
-- positive; the kind gives the sign. Entries are never changed.
create table funding.direct_payment_entry (
	id uuid primary key,
	direct_payment_id uuid not null references funding.direct_payment (id),
	person_id uuid not null,
	seq integer not null,
	kind text not null check (kind in ('PAYMENT', 'RETURN', 'SURPLUS_RECLAIMED')),
	entry_on date not null,
	amount numeric(12, 2) not null check (amount > 0),
	note text check (length(note) <= 500),
	recorded_by text not null,
	recorded_at timestamptz not null,
	unique (direct_payment_id, seq)
);

create table funding.direct_payment_review (
	id uuid primary key,
	direct_payment_id uuid not null references funding.direct_payment (id),
	person_id uuid not null,
	reviewed_on date not null,
	notes text check (length(notes) <= 2000),
	recorded_by text not null,
	recorded_at timestamptz not null
);

-- Illustrative rates for the demo partnership, to be replaced by the council's own (see docs/funding.md).
insert into funding.ras_rate (financial_year, points_needs_assistance, points_pain_distress, points_endangers,
	points_takes_longer, weekly_rate_per_point, source, recorded_by, recorded_at)
values (2025, 10, 6, 8, 4, 2.50, 'Illustrative local rate (demo partnership)', 'migration', now()),
	(2026, 10, 6, 8, 4, 2.60, 'Illustrative local rate (demo partnership)', 'migration', now());
