-- Care teams people can build (issue 11): why and by whom an involvement ended, and the requests that change a care team
-- only when the other side accepts (an invitation across organisations, a handover of the lead, a request to join).

alter table team.care_team_member add column end_reason text;
alter table team.care_team_member add column ended_by text;

create table team.care_team_request (
	id                uuid        not null primary key,
	person_id         uuid        not null,
	kind              text        not null check (kind in ('INVITATION', 'HANDOVER', 'JOIN')),
	-- the invitee, the incoming lead, or the practitioner asking to join
	practitioner_id   uuid        not null references team.practitioner (id),
	team_id           uuid references team.team (id),
	role              text        not null,
	message           text,
	requested_by      text        not null,
	requested_by_practitioner_id uuid references team.practitioner (id),
	requested_at      timestamptz not null,
	-- for a handover: the lead when it was asked, who has accepted for the outgoing side already
	outgoing_lead_id  uuid references team.practitioner (id),
	status            text        not null default 'PENDING' check (status in ('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN')),
	decided_by        text,
	decided_at        timestamptz,
	decision_reason   text,
	version           bigint      not null default 0,
	check (status = 'PENDING' or (decided_by is not null and decided_at is not null))
);
create index care_team_request_by_person on team.care_team_request (person_id);
create index care_team_request_pending_by_practitioner on team.care_team_request (practitioner_id) where status = 'PENDING';
-- One open request of a kind per person and practitioner, and one pending handover per person: a second click or a second
-- browser tab cannot ask twice.
create unique index care_team_request_one_pending on team.care_team_request (person_id, practitioner_id, kind) where status = 'PENDING';
create unique index care_team_request_one_handover on team.care_team_request (person_id) where status = 'PENDING' and kind = 'HANDOVER';

-- Exactly one lead professional while anyone is in the care team. care_team_one_current_lead (V3) allows at most one;
-- this deferred check, run at commit for each person whose care team changed, requires at least one, so a handover can
-- step the old lead down and the new one up inside one transaction.
create function team.care_team_has_lead() returns trigger language plpgsql as $$
begin
	if exists (select 1 from team.care_team_member where person_id = new.person_id and period_end is null)
	   and not exists (select 1 from team.care_team_member where person_id = new.person_id and period_end is null and lead) then
		raise exception 'care team of % has members but no lead professional', new.person_id
			using errcode = '23514', constraint = 'care_team_has_lead';
	end if;
	return null;
end $$;

create constraint trigger care_team_has_lead after insert or update on team.care_team_member
	deferrable initially deferred for each row execute function team.care_team_has_lead();
