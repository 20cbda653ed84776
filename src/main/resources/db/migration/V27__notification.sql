-- In-app notices for practitioners. A notice names what kind of change happened and links to
-- the page; it carries no personal data, so the page the link opens decides what the reader sees.
create schema notification;

create table notification.notice (
	id              uuid        not null primary key,
	recipient_id    uuid        not null references team.practitioner (id),
	kind            text        not null,
	link            text        not null,
	created_at      timestamptz not null,
	read_at         timestamptz
);
create index notice_by_recipient on notification.notice (recipient_id, created_at desc);
