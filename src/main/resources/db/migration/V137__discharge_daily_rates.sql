-- The daily reimbursement of a rule set, by date: a rule set may change its rate during its
-- life (the 2003 scheme's rates were revised), so each rate has its own dates, never
-- overlapping within a rule set (checked by RuleSets under a lock on the rule set's row).
-- Money is exact: numeric(12,2) with its currency.
create table discharge.daily_rate (
	id           uuid          primary key,
	rule_set_id  uuid          not null references discharge.rule_set (id),
	valid_from   date          not null,
	valid_to     date,
	amount       numeric(12,2) not null check (amount >= 0),
	currency     text          not null check (currency = 'GBP'),
	note         text          not null check (length(note) between 1 and 2000),
	created_by   text          not null,
	created_at   timestamptz   not null,
	check (valid_to is null or valid_to >= valid_from)
);
create index daily_rate_by_rule_set on discharge.daily_rate (rule_set_id, valid_from);

-- A rate already entered on a rule set becomes its first dated rate.
insert into discharge.daily_rate (id, rule_set_id, valid_from, valid_to, amount, currency, note, created_by, created_at)
select gen_random_uuid(), id, valid_from, valid_to, daily_reimbursement, coalesce(daily_reimbursement_currency, 'GBP'),
	'Carried over from the rule set', 'migration', now()
from discharge.rule_set where daily_reimbursement is not null;
