-- Referrals from a team to a team: one row per referral with its current holder (the team
-- that must act now), the step history, the categories of information sent with it, the
-- response targets per service and urgency (data), and the breaches already noticed (so a
-- breach is told once, not on every clock run).
create table referral.referral (
	id                       uuid        not null primary key,
	person_id                uuid        not null references person.person (id),
	from_team_id             uuid        not null references team.team (id),
	from_organisation_id     uuid        not null references team.organisation (id),
	referrer_practitioner_id uuid        not null references team.practitioner (id),
	to_team_id               uuid        not null references team.team (id),
	to_organisation_id       uuid        not null references team.organisation (id),
	first_team_id            uuid        not null references team.team (id),
	reason_code              text        not null,
	reason_text              text        not null,
	urgency                  text        not null check (urgency in ('URGENT', 'ROUTINE')),
	person_informed          boolean     not null,
	person_view              text        not null,
	sharing_basis            text        not null check (sharing_basis in ('CONSENT', 'BEST_INTERESTS', 'SAFEGUARDING')),
	status                   text        not null check (status in ('DRAFT', 'SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'COMPLETED')),
	owner_practitioner_id    uuid references team.practitioner (id),
	decline_reason           text,
	signposting              text,
	outcome                  text,
	created_at               timestamptz not null,
	sent_at                  timestamptz,
	acknowledged_at          timestamptz,
	decided_at               timestamptz,
	closed_at                timestamptz,
	acknowledge_due          timestamptz,
	accept_due               timestamptz,
	version                  bigint      not null default 0
);
create index referral_open_by_holder on referral.referral (to_team_id, status) where status in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED');
create index referral_by_sender on referral.referral (from_team_id, status);
create index referral_by_person on referral.referral (person_id);

create table referral.sent_category (
	referral_id uuid not null references referral.referral (id),
	person_id   uuid not null,
	category    text not null,
	primary key (referral_id, category)
);

create table referral.step (
	id           uuid        not null primary key,
	referral_id  uuid        not null references referral.referral (id),
	person_id    uuid        not null,
	step         text        not null,
	status       text        not null,
	holder_team  uuid        not null,
	by_account   text        not null,
	note         text,
	at           timestamptz not null
);
create index step_by_referral on referral.step (referral_id, at);

-- A team's own target wins over the partnership default (team_id null).
create table referral.response_target (
	id                  uuid    not null primary key,
	team_id             uuid references team.team (id),
	urgency             text    not null,
	acknowledge_within  integer not null check (acknowledge_within > 0),
	acknowledge_unit    text    not null check (acknowledge_unit in ('WORKING_HOURS', 'WORKING_DAYS')),
	accept_within       integer not null check (accept_within > 0),
	accept_unit         text    not null check (accept_unit in ('WORKING_HOURS', 'WORKING_DAYS'))
);
create unique index response_target_once on referral.response_target (coalesce(team_id, '00000000-0000-0000-0000-000000000000'), urgency);

insert into referral.response_target (id, team_id, urgency, acknowledge_within, acknowledge_unit, accept_within, accept_unit) values
	('00000000-0000-0000-0000-000000000901', null, 'URGENT', 4, 'WORKING_HOURS', 1, 'WORKING_DAYS'),
	('00000000-0000-0000-0000-000000000902', null, 'ROUTINE', 5, 'WORKING_DAYS', 28, 'WORKING_DAYS');

create table referral.breach (
	referral_id uuid        not null references referral.referral (id),
	kind        text        not null check (kind in ('ACKNOWLEDGE', 'ACCEPT')),
	person_id   uuid        not null,
	team_id     uuid        not null,
	due_at      timestamptz not null,
	noticed_at  timestamptz not null,
	primary key (referral_id, kind)
);
