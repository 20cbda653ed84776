-- The partnership itself (issue 19): who is in it, what kind of arrangement it is, what each partner puts in, and the
-- terms the regulations ask an agreement to state. Money put into a pooled fund lives in the ledger, by financial
-- year; here each partner's contribution is described in words, with how it may vary.
create table partnership.partnership (
	id                   uuid        not null primary key,
	name                 text        not null,
	kind                 text        not null,
	direction            text        not null,
	aims                 text        not null,
	functions            text        not null,
	staff_and_resources  text        not null default '',
	governance           text        not null default '',
	host_organisation_id uuid references team.organisation (id),
	pool_manager         text        not null default '',
	start_date           date        not null,
	end_date             date,
	review_date          date        not null,
	termination          text        not null default '',
	status               text        not null,
	version              bigint      not null default 0,
	created_at           timestamptz not null default now(),
	constraint partnership_kind check (kind in ('POOLED_FUND', 'LEAD_COMMISSIONING', 'INTEGRATED_PROVISION', 'CARE_TRUST', 'INFORMAL')),
	constraint partnership_direction check (direction in ('HORIZONTAL', 'VERTICAL')),
	constraint partnership_status check (status in ('PROPOSED', 'ACTIVE', 'ENDED')),
	constraint partnership_dates check (review_date > start_date and (end_date is null or end_date > start_date))
);
create index partnership_by_review on partnership.partnership (review_date) where status <> 'ENDED';

create table partnership.partner (
	partnership_id  uuid not null references partnership.partnership (id),
	organisation_id uuid not null references team.organisation (id),
	contribution    text not null,
	variation       text not null default '',
	primary key (partnership_id, organisation_id)
);
create index partner_by_organisation on partnership.partner (organisation_id, partnership_id);

-- The information-sharing agreements the partnership relies on (they already exist and drive access).
create table partnership.partnership_sharing (
	partnership_id uuid not null references partnership.partnership (id),
	agreement_id   uuid not null references partnership.sharing_agreement (id),
	primary key (partnership_id, agreement_id)
);

-- The readiness checklist kept with a partnership: one row per item once someone has said where it stands.
create table partnership.readiness (
	partnership_id uuid        not null references partnership.partnership (id),
	item           text        not null,
	state          text        not null,
	note           text        not null default '',
	updated_by     uuid        not null,
	updated_at     timestamptz not null default now(),
	version        bigint      not null default 0,
	primary key (partnership_id, item),
	constraint readiness_item check (item in ('HISTORY', 'SHARED_VISION', 'LEADERSHIP', 'GOVERNANCE', 'INFORMATION_SHARING')),
	constraint readiness_state check (state in ('NOT_STARTED', 'IN_PROGRESS', 'IN_PLACE'))
);

-- The Partnership Assessment Tool: a round is opened, members of each partner rate the statements of the six
-- principles (1 strongly disagree to 4 strongly agree), and the organisation a rating speaks for is kept with it
-- (the account's organisation at the time), so results per partner do not move when someone changes employer.
create table partnership.assessment_round (
	id             uuid        not null primary key,
	partnership_id uuid        not null references partnership.partnership (id),
	title          text        not null,
	opened_by      uuid        not null,
	opened_at      timestamptz not null default now(),
	closed_at      timestamptz,
	version        bigint      not null default 0
);
create index assessment_round_by_partnership on partnership.assessment_round (partnership_id, opened_at);

create table partnership.assessment_rating (
	round_id        uuid        not null references partnership.assessment_round (id),
	account_id      uuid        not null,
	organisation_id uuid        not null references team.organisation (id),
	statement       text        not null,
	score           smallint    not null,
	rated_at        timestamptz not null default now(),
	primary key (round_id, account_id, statement),
	constraint rating_score check (score between 1 and 4)
);

-- A low score becomes an action with one owner; it falls due in the owner's worklist.
create table partnership.assessment_action (
	id             uuid        not null primary key,
	round_id       uuid        not null references partnership.assessment_round (id),
	principle      text        not null,
	description    text        not null,
	owner_account  uuid        not null,
	due_date       date        not null,
	done_at        timestamptz,
	created_by     uuid        not null,
	created_at     timestamptz not null default now(),
	version        bigint      not null default 0
);
create index assessment_action_by_owner on partnership.assessment_action (owner_account, due_date) where done_at is null;
