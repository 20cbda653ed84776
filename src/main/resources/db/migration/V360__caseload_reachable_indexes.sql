-- The caseload finds the viewer's people from the viewer's side (ADR 68, AccessRules.reachable): the grants held by
-- their teams and their own overrides. Both tables were indexed by person only, so each caseload read them whole
-- (on a 100,000-person copy with 20,000 grants, a sequential scan of 10,062 live grants for 366 of one team's); with
-- these it reads only the viewer's rows, whatever the size of the register.
create index if not exists access_grant_by_team on consent.access_grant (team_id, expires_at) include (person_id);

create index if not exists override_by_account on consent.override (account, expires_at) include (person_id);
