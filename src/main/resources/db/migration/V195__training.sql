-- Joint training (issue 19): courses with a validity period, sessions of a course (date, place, trainer), and who
-- attended each session from any partner organisation. The organisation an attendee worked for on the day is kept
-- with the attendance, so "trained together" (a session with staff of more than one organisation) does not move
-- when someone changes employer. Staff training records are about staff, not about people who use services.
create schema if not exists training;

create table training.course (
	id              uuid        not null primary key,
	topic           text        not null,
	name            text        not null,
	validity_months integer     not null,
	created_by      uuid        not null,
	created_at      timestamptz not null default now(),
	version         bigint      not null default 0,
	constraint course_topic check (topic in ('SINGLE_ASSESSMENT', 'INFORMATION_GOVERNANCE', 'MENTAL_CAPACITY',
	  'SAFEGUARDING', 'COMMON_LANGUAGE')),
	constraint course_validity check (validity_months between 1 and 120)
);
create unique index course_name on training.course (lower(name));

create table training.session (
	id          uuid        not null primary key,
	course_id   uuid        not null references training.course (id),
	held_on     date        not null,
	place       text        not null,
	trainer     text        not null,
	recorded_by uuid        not null,
	recorded_at timestamptz not null default now(),
	version     bigint      not null default 0
);
create index session_by_course on training.session (course_id, held_on);

-- One row per attendee; expires_on is fixed when the completion is recorded (held_on plus the course's validity then),
-- so a later change to the course's validity does not rewrite what a certificate said.
create table training.attendance (
	session_id      uuid        not null references training.session (id),
	practitioner_id uuid        not null references team.practitioner (id),
	organisation_id uuid        not null references team.organisation (id),
	completed       boolean     not null,
	expires_on      date,
	recorded_by     uuid        not null,
	recorded_at     timestamptz not null default now(),
	primary key (session_id, practitioner_id),
	constraint attendance_expiry check ((completed and expires_on is not null) or (not completed and expires_on is null))
);
create index attendance_by_practitioner on training.attendance (practitioner_id, expires_on) where completed;
