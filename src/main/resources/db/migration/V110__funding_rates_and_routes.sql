-- Money (issue 18, first half): who pays for each need in a care plan and why, and the financial assessment.
-- Every rate and limit is data by financial year, never code; money is numeric(12,2), never floating point.
create schema if not exists funding;

-- One row per English financial year (6 April is when the circular's figures take effect; the year is named
-- by its April-to-March span). A figure not yet published is carried forward from the last known year, and
-- the note says so (docs/funding.md).
create table funding.charging_year (
	year_label text primary key check (year_label ~ '^[0-9]{4}/[0-9]{2}$'),
	starts_on date not null,
	ends_on date not null,
	lower_capital_limit numeric(12, 2) not null check (lower_capital_limit >= 0),
	upper_capital_limit numeric(12, 2) not null,
	tariff_step numeric(12, 2) not null check (tariff_step > 0),
	tariff_per_step numeric(12, 2) not null check (tariff_per_step >= 0),
	personal_expenses_allowance numeric(12, 2) not null check (personal_expenses_allowance >= 0),
	property_disregard_weeks integer not null check (property_disregard_weeks >= 0),
	home_sale_cost_percent numeric(5, 2) not null check (home_sale_cost_percent between 0 and 100),
	intermediate_care_free_weeks integer not null check (intermediate_care_free_weeks >= 0),
	minor_aids_limit numeric(12, 2) not null check (minor_aids_limit >= 0),
	note text not null,
	version bigint not null default 0,
	check (upper_capital_limit >= lower_capital_limit),
	check (ends_on > starts_on)
);

-- The Minimum Income Guarantee, per year: a base amount for the person's age and household, and additions
-- (premiums) that the engine adds when they apply.
create table funding.income_guarantee (
	year_label text not null references funding.charging_year (year_label),
	code text not null,
	addition boolean not null,
	weekly_amount numeric(12, 2) not null check (weekly_amount >= 0),
	description text not null,
	note text not null,
	primary key (year_label, code)
);

insert into funding.charging_year values
	('2025/26', '2025-04-06', '2026-04-05', 14250.00, 23250.00, 250.00, 1.00, 30.65, 12, 10.00, 6, 1000.00,
	 'Capital limits and tariff: Care and Support (Charging and Assessment of Resources) Regulations 2014 (SI 2014/2672) regs 12 and 25, unchanged in LAC(DHSC)(2025)1. PEA: reg 6 as amended by SI 2025 (Amendment) Regulations; LAC(DHSC)(2025)1.', 0),
	('2026/27', '2026-04-06', '2027-04-05', 14250.00, 23250.00, 250.00, 1.00, 30.65, 12, 10.00, 6, 1000.00,
	 'CARRIED FORWARD from 2025/26: the 2026/27 circular was not available to this project when the year was seeded. Replace with the published figures when known.', 0);

-- Minimum Income Guarantee, reg 7 of the 2014 Regulations as uprated by LAC(DHSC)(2025)1. The amounts below
-- could not be checked against the circular's own table here: they are the 2015 regulation amounts uprated by
-- the published CPI increases (3.1%, 10.1%, 6.7%, 1.7%) and rounded to 5p, and are marked for checking.
insert into funding.income_guarantee values
	('2025/26', 'SINGLE_18_24', false, 89.20, 'Single person aged 18 to 24', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'SINGLE_25_TO_PENSION_AGE', false, 112.60, 'Single person aged 25 or over, under Pension Credit age', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'LONE_PARENT_18_PLUS', false, 112.60, 'Lone parent aged 18 or over', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'COUPLE_EACH_18_PLUS', false, 88.25, 'Member of a couple, one or both aged 18 or over (each)', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'PENSION_AGE_SINGLE', false, 232.80, 'Single person over Pension Credit age', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'PENSION_AGE_COUPLE_EACH', false, 177.75, 'Member of a couple over Pension Credit age (each)', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'DISABILITY_PREMIUM', true, 49.10, 'Disability premium (single)', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'ENHANCED_DISABILITY_PREMIUM', true, 23.95, 'Enhanced disability premium (single)', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'CARER_PREMIUM', true, 52.40, 'Carer premium', 'Derived; check against LAC(DHSC)(2025)1 Annex'),
	('2025/26', 'DEPENDENT_CHILD', true, 115.90, 'For each dependent child', 'Derived; check against LAC(DHSC)(2025)1 Annex');

insert into funding.income_guarantee
select '2026/27', code, addition, weekly_amount, description, 'CARRIED FORWARD from 2025/26: the 2026/27 figure was not known here'
from funding.income_guarantee where year_label = '2025/26';

-- Who pays for one need in the plan, and why. A route names the plan's objective and the need's code, both
-- owned by careplan and read through its API; it is never changed in place: a new route ends the old one.
create table funding.funding_route (
	id uuid primary key,
	person_id uuid not null,
	objective_id uuid not null,
	need_code text not null check (length(need_code) between 1 and 100),
	need_display text not null check (length(need_display) between 1 and 500),
	kind text not null check (kind in ('NHS_CONTINUING_HEALTHCARE', 'NHS_FUNDED_NURSING_CARE', 'SECTION_117_AFTERCARE',
		'INTERMEDIATE_CARE', 'MINOR_AIDS_AND_ADAPTATIONS', 'COUNCIL_MEANS_TESTED', 'PERSONAL_HEALTH_BUDGET', 'JOINT_FUNDING')),
	reason text not null check (length(reason) between 1 and 2000),
	starts_on date not null,
	ends_on date,
	cost numeric(12, 2) check (cost is null or cost >= 0),
	organisation_id uuid not null,
	recorded_by uuid not null,
	recorded_at timestamptz not null,
	ended_at timestamptz,
	replaced_by uuid,
	version bigint not null default 0,
	check (ends_on is null or ends_on >= starts_on)
);
create index funding_route_person on funding.funding_route (person_id);
create unique index funding_route_current on funding.funding_route (person_id, objective_id, need_code)
	where ended_at is null;

-- Each partner's share of a jointly funded need, in per cent; the shares of a route sum to 100.
create table funding.route_share (
	route_id uuid not null references funding.funding_route (id),
	organisation_id uuid not null,
	share_percent numeric(5, 2) not null check (share_percent > 0 and share_percent <= 100),
	primary key (route_id, organisation_id)
);

-- A disagreement between partners about a route. It never changes the route: it stands beside it, visible,
-- until someone records how it was resolved.
create table funding.route_disagreement (
	id uuid primary key,
	route_id uuid not null references funding.funding_route (id),
	person_id uuid not null,
	organisation_id uuid not null,
	raised_by uuid not null,
	proposed_kind text not null,
	reason text not null check (length(reason) between 1 and 2000),
	raised_at timestamptz not null,
	resolution text check (resolution is null or length(resolution) between 1 and 2000),
	resolved_by uuid,
	resolved_at timestamptz,
	version bigint not null default 0
);
create index route_disagreement_person on funding.route_disagreement (person_id);

-- NHS Continuing Healthcare checklist screening: a decision with its date, outcome and who decided.
create table funding.chc_screening (
	id uuid primary key,
	person_id uuid not null,
	organisation_id uuid not null,
	screened_on date not null,
	outcome text not null check (outcome in ('NEGATIVE', 'POSITIVE_REFERRED_FOR_FULL_ASSESSMENT')),
	decided_by uuid not null,
	note text check (note is null or length(note) <= 2000),
	recorded_at timestamptz not null
);
create index chc_screening_person on funding.chc_screening (person_id);
