create schema team;

create table team.organisation (
	id         uuid        not null primary key,
	code       text        not null unique,
	name       text        not null,
	kind       text        not null,
	version    bigint      not null default 0,
	created_at timestamptz not null default now()
);

create table team.team (
	id              uuid   not null primary key,
	organisation_id uuid   not null references team.organisation (id),
	name            text   not null,
	version         bigint not null default 0,
	unique (organisation_id, name)
);

create table team.practitioner (
	id              uuid   not null primary key,
	organisation_id uuid   not null references team.organisation (id),
	given_name      text   not null,
	family_name     text   not null,
	profession      text   not null,
	email           text,
	phone           text,
	version         bigint not null default 0
);

create table team.team_membership (
	team_id         uuid    not null references team.team (id),
	practitioner_id uuid    not null references team.practitioner (id),
	manager         boolean not null default false,
	primary key (team_id, practitioner_id)
);
create index team_membership_by_practitioner on team.team_membership (practitioner_id);

create table team.account (
	id              uuid        not null primary key,
	username        text        not null unique,
	password_hash   text        not null,
	practitioner_id uuid references team.practitioner (id),
	enabled         boolean     not null default true,
	version         bigint      not null default 0,
	created_at      timestamptz not null default now()
);

create table team.account_role (
	account_id uuid not null references team.account (id),
	role       text not null,
	primary key (account_id, role)
);

-- A person's care team. person_id is an id from the person module, which depends on this one, so there is no foreign
-- key back to it; person_id is also the column a distributed (Citus) table would be sharded on.
create table team.care_team_member (
	id              uuid   not null primary key,
	person_id       uuid   not null,
	practitioner_id uuid   not null references team.practitioner (id),
	team_id         uuid references team.team (id),
	role            text   not null,
	lead            boolean not null default false,
	period_start    date   not null,
	period_end      date,
	version         bigint not null default 0
);
create index care_team_member_by_practitioner on team.care_team_member (practitioner_id, person_id);
create index care_team_member_by_person on team.care_team_member (person_id);
-- Exactly one current lead professional: at most one enforced here, at least one by the module's rules. period_end is exclusive: a membership ended today no longer counts today.
create unique index care_team_one_current_lead on team.care_team_member (person_id) where lead and period_end is null;
