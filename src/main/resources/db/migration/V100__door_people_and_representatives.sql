-- The person's own door (issue 16): people who use services, their carers, advocates and attorneys sign in with an
-- account of their own kind, never a staff account, and see only what they are recorded to act for.

-- Who a person-side account acts for, and in what scope: read by the access rules (consent.AccessRules), so the
-- decision is made in SQL like every other. account_id is a door.account (no foreign key: consent may not depend
-- on the door module). categories: for a carer, what the person agreed to share with them.
create table consent.acting_for (
	id          uuid        primary key,
	account_id  uuid        not null,
	person_id   uuid        not null,
	kind        text        not null check (kind in ('SELF', 'CARER', 'ADVOCATE', 'ATTORNEY_HEALTH_WELFARE',
	                                                'ATTORNEY_PROPERTY_FINANCE')),
	categories  text[]      not null default '{GENERAL}',
	since       timestamptz not null,
	granted_by  text        not null,
	ended_at    timestamptz,
	ended_by    text,
	version     bigint      not null default 0
);
create unique index acting_for_current on consent.acting_for (account_id, person_id) where ended_at is null;
create index acting_for_by_person on consent.acting_for (person_id) where ended_at is null;

-- An item a practitioner has marked "not shown to the person" (and so to anyone acting for them), with a reason
-- from a fixed list; the Caldicott guardian sees every mark.
create table consent.not_shown (
	id          uuid        primary key,
	person_id   uuid        not null,
	item_type   text        not null check (item_type in ('entry')),
	item_id     uuid        not null,
	reason      text        not null check (reason in ('SERIOUS_HARM', 'ABOUT_SOMEONE_ELSE', 'LEGAL_ADVICE',
	                                                  'CRIME_OR_SAFEGUARDING_ENQUIRY')),
	marked_by   text        not null,
	organisation_id uuid,
	marked_at   timestamptz not null,
	ended_at    timestamptz,
	ended_by    text
);
create unique index not_shown_current on consent.not_shown (item_type, item_id) where ended_at is null;
create index not_shown_by_person on consent.not_shown (person_id);

create schema door;

-- A person-side account. Usernames are their own namespace: a person signs in on their own page, so a staff
-- username and a person's may be the same without either shadowing the other.
create table door.account (
	id            uuid        primary key,
	username      text        not null unique,
	password_hash text        not null,
	display_name  text        not null,
	enabled       boolean     not null default true,
	session_epoch bigint      not null default 0,
	created_at    timestamptz not null,
	version       bigint      not null default 0
);

-- An invitation: a one-time code to print or read out. Only a SHA-256 of the code is kept (the code is 60 random
-- bits, runs out in days and is throttled, so a fast hash is enough to find it and useless to reverse); it is
-- used once, in the transaction that creates the account (the row is locked).
create table door.invitation (
	id            uuid        primary key,
	person_id     uuid        not null references person.person (id),
	kind          text        not null check (kind in ('SELF', 'CARER', 'ADVOCATE', 'ATTORNEY_HEALTH_WELFARE',
	                                                  'ATTORNEY_PROPERTY_FINANCE')),
	invitee_name  text        not null,
	categories    text[]      not null default '{GENERAL}',
	lpa_reference text,
	code_hash     text        not null unique,
	expires_at    timestamptz not null,
	issued_by     text        not null,
	issued_at     timestamptz not null,
	used_at       timestamptz,
	account_id    uuid references door.account (id),
	revoked_at    timestamptz,
	revoked_by    text,
	version       bigint      not null default 0
);
create index invitation_by_person on door.invitation (person_id, issued_at desc);

-- A person's question about one access to their record, for the Caldicott guardian's queue.
create table door.access_question (
	id          uuid        primary key,
	person_id   uuid        not null references person.person (id),
	account_id  uuid        not null references door.account (id),
	audit_seq   bigint      not null,
	words       text        not null,
	asked_at    timestamptz not null,
	answered_at timestamptz,
	answered_by text,
	answer      text,
	version     bigint      not null default 0
);
create index access_question_open on door.access_question (asked_at) where answered_at is null;
