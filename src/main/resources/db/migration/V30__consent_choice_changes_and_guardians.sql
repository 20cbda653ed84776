-- Who asked for a change to one of the person's choices, how, and why (issue 10, hole 1). One row per change; the
-- choice row keeps its withdrawn_at/withdrawn_by, and this row says on whose authority it happened.
create table consent.choice_change (
	id                         uuid        not null primary key,
	choice_id                  uuid        not null references consent.choice (id),
	person_id                  uuid        not null,
	change                     text        not null,
	requested_by               text        not null,
	requester_name             text,
	best_interests_decision_id uuid references consent.best_interests_decision (id),
	how_asked                  text        not null,
	reason                     text        not null,
	recorded_by                text        not null,
	recorded_at                timestamptz not null,
	constraint choice_change_change check (change in ('WITHDRAW')),
	constraint choice_change_requested_by check (requested_by in ('PERSON', 'ATTORNEY', 'DEPUTY', 'BEST_INTERESTS')),
	constraint choice_change_how check (how_asked in ('IN_PERSON', 'IN_WRITING', 'BY_PHONE', 'ONLINE', 'BEST_INTERESTS')),
	constraint choice_change_reason check (length(trim(reason)) > 0)
);
create index choice_change_by_choice on consent.choice_change (choice_id);

-- The partnership's named fallback Caldicott guardian: the one who reviews emergency access by an organisation that has
-- no guardian of its own (issue 10, hole 8). Data rather than configuration, because guardians change when people
-- leave, and naming one is a governance decision that must be audited like any other. At most one row.
create table consent.fallback_guardian (
	partnership boolean     not null primary key default true,
	account     text        not null,
	named_by    text        not null,
	named_at    timestamptz not null,
	version     bigint      not null default 0,
	constraint fallback_guardian_single check (partnership)
);
