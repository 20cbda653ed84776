-- Speaking for the person at their door (issue 16): whether a carer or a property-and-finance attorney may send
-- messages and feedback on the person's behalf. The person decides this (their care team records it when inviting);
-- until then it is no. A health-and-welfare attorney or an advocate speaks for the person only while the person
-- lacks capacity, which the access rules read from the capacity assessment, so the flag is not asked for them.
alter table consent.acting_for add column speaks_for boolean not null default false;
alter table door.invitation add column speaks_for boolean not null default false;

-- Notices for person-side accounts (a reply from the care team to a conversation they started or that concerns
-- them). Kept apart from staff notices, whose recipient is a practitioner. Ids only: account_id is a door.account,
-- person_id the person the notice concerns; the page the link opens asks the access policy again. Person-side
-- accounts have no e-mail address, so these never leave the application.
create table notification.person_side_notice (
	id          uuid        primary key,
	account_id  uuid        not null,
	person_id   uuid        not null,
	kind        text        not null,
	link        text        not null,
	created_at  timestamptz not null,
	read_at     timestamptz
);
create index person_side_notice_by_account on notification.person_side_notice (account_id, created_at desc);
