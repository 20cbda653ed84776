-- A pooled fund's ledger, per financial year (the year starting on 1 April of financial_year). Money is numeric, never
-- floating point. Contributions and spend are append-only: a variation is a new row with its reason, so the history of
-- what each partner put in is never rewritten.
create table partnership.pool_year (
	partnership_id uuid   not null references partnership.partnership (id),
	financial_year int    not null,
	risk_rule      text   not null,
	version        bigint not null default 0,
	primary key (partnership_id, financial_year),
	constraint pool_year_range check (financial_year between 2000 and 2100),
	constraint pool_year_rule check (risk_rule in ('PRO_RATA', 'FIXED', 'CAPPED'))
);

-- Each partner's risk-share terms for the year: a fixed percentage (FIXED) and a cap (CAPPED).
create table partnership.pool_terms (
	partnership_id  uuid          not null,
	financial_year  int           not null,
	organisation_id uuid          not null references team.organisation (id),
	percentage      numeric(5, 2),
	cap             numeric(14, 2),
	primary key (partnership_id, financial_year, organisation_id),
	foreign key (partnership_id, financial_year) references partnership.pool_year (partnership_id, financial_year),
	constraint pool_terms_percentage check (percentage is null or percentage between 0 and 100),
	constraint pool_terms_cap check (cap is null or cap >= 0)
);

create table partnership.pool_contribution (
	id              uuid           not null primary key,
	partnership_id  uuid           not null,
	financial_year  int            not null,
	organisation_id uuid           not null references team.organisation (id),
	amount          numeric(14, 2) not null,
	kind            text           not null,
	reason          text           not null default '',
	recorded_by     uuid           not null,
	recorded_at     timestamptz    not null default now(),
	foreign key (partnership_id, financial_year) references partnership.pool_year (partnership_id, financial_year),
	constraint pool_contribution_kind check (kind in ('INITIAL', 'VARIATION'))
);
create index pool_contribution_by_year on partnership.pool_contribution (partnership_id, financial_year);

create table partnership.pool_line (
	id             uuid           not null primary key,
	partnership_id uuid           not null,
	financial_year int            not null,
	name           text           not null,
	budget         numeric(14, 2) not null,
	forecast       numeric(14, 2),
	version        bigint         not null default 0,
	foreign key (partnership_id, financial_year) references partnership.pool_year (partnership_id, financial_year),
	constraint pool_line_budget check (budget >= 0)
);
create index pool_line_by_year on partnership.pool_line (partnership_id, financial_year);

create table partnership.pool_spend (
	id          uuid           not null primary key,
	line_id     uuid           not null references partnership.pool_line (id),
	amount      numeric(14, 2) not null,
	spent_on    date           not null,
	description text           not null,
	reference   text           not null default '',
	recorded_by uuid           not null,
	recorded_at timestamptz    not null default now()
);
create index pool_spend_by_line on partnership.pool_spend (line_id, spent_on);
