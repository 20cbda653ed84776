-- The person's door, part two (issue 16): About me, messages to the care team, and feedback with "you said, we did".

-- About me: the person's own words, kept apart from anything a professional writes (never merged into it). One row
-- per person; version-checked so a second tab cannot overwrite a newer save.
create table door.about_me (
	person_id      uuid        primary key references person.person (id),
	addressed_as   text        not null default '',
	what_matters   text        not null default '',
	support        text        not null default '',
	communication  text        not null default '',
	updated_at     timestamptz not null,
	updated_by     uuid        not null references door.account (id),
	version        bigint      not null default 0
);

-- A conversation with the care team, started from the door by the person or someone acting for them. lead_id is the
-- practitioner told when it was started (the accountable lead professional); no foreign key to team, as door's
-- other tables keep practitioner ids as values.
create table door.message_thread (
	id          uuid        primary key,
	person_id   uuid        not null references person.person (id),
	started_by  uuid        not null references door.account (id),
	started_at  timestamptz not null,
	lead_id     uuid,
	last_at     timestamptz not null
);
create index message_thread_by_person on door.message_thread (person_id, last_at desc);

-- One message. from_person_side: written at the door (author_id a door.account) or by a care-team member (author_id
-- a team.account, author_name their name as shown to the person).
create table door.message (
	id               uuid        primary key,
	thread_id        uuid        not null references door.message_thread (id),
	from_person_side boolean     not null,
	author_id        uuid        not null,
	author_name      text        not null,
	words            text        not null check (length(words) between 1 and 4000),
	sent_at          timestamptz not null
);
create index message_by_thread on door.message (thread_id, sent_at);

-- Feedback on being involved: four questions answered 1 (not at all) to 4 (yes, fully), and a comment. A team
-- manager records what was done about it ("you said, we did"), which the giver then sees.
create table door.feedback (
	id            uuid        primary key,
	person_id     uuid        not null references person.person (id),
	account_id    uuid        not null references door.account (id),
	listened      smallint    not null check (listened between 1 and 4),
	explained     smallint    not null check (explained between 1 and 4),
	agree_plan    smallint    not null check (agree_plan between 1 and 4),
	easy          smallint    not null check (easy between 1 and 4),
	comment       text        not null default '',
	given_at      timestamptz not null,
	we_did        text,
	we_did_by     text,
	we_did_at     timestamptz,
	version       bigint      not null default 0
);
create index feedback_by_person on door.feedback (person_id, given_at desc);
