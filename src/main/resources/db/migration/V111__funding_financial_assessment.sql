-- A financial assessment keeps what was declared, which year's rates it used, the weekly contribution and every
-- line of the working. A reassessment is a new row; the old one stays, marked as replaced.
create table funding.financial_assessment (
	id uuid primary key,
	person_id uuid not null,
	organisation_id uuid not null,
	kind text not null check (kind in ('FULL', 'LIGHT_TOUCH', 'DECLINED')),
	setting text not null check (setting in ('RESIDENTIAL', 'NON_RESIDENTIAL')),
	year_label text not null references funding.charging_year (year_label),
	assessed_on date not null,
	weekly_cost numeric(12, 2) not null check (weekly_cost >= 0),
	savings numeric(12, 2) not null default 0 check (savings >= 0),
	other_capital numeric(12, 2) not null default 0 check (other_capital >= 0),
	home_value numeric(12, 2) not null default 0 check (home_value >= 0),
	home_debt numeric(12, 2) not null default 0 check (home_debt >= 0),
	home_disregarded boolean not null default false,
	admitted_on date,
	housing_costs numeric(12, 2) not null default 0 check (housing_costs >= 0),
	disability_related_expenditure numeric(12, 2) not null default 0 check (disability_related_expenditure >= 0),
	guarantee_band text,
	guarantee_additions text not null default '',
	agreed_contribution numeric(12, 2) check (agreed_contribution is null or agreed_contribution >= 0),
	weekly_contribution numeric(12, 2) not null check (weekly_contribution >= 0),
	protected_amount numeric(12, 2) not null check (protected_amount >= 0),
	assessed_by uuid not null,
	recorded_at timestamptz not null,
	replaced_by uuid references funding.financial_assessment (id),
	replaced_at timestamptz,
	version bigint not null default 0
);
create index financial_assessment_person on funding.financial_assessment (person_id);
create unique index financial_assessment_current on funding.financial_assessment (person_id)
	where replaced_by is null;

create table funding.assessment_income (
	assessment_id uuid not null references funding.financial_assessment (id),
	position integer not null,
	kind text not null,
	weekly_amount numeric(12, 2) not null check (weekly_amount >= 0),
	primary key (assessment_id, position)
);

create table funding.assessment_line (
	assessment_id uuid not null references funding.financial_assessment (id),
	position integer not null,
	label text not null,
	amount numeric(12, 2) not null,
	rule_source text not null,
	primary key (assessment_id, position)
);
