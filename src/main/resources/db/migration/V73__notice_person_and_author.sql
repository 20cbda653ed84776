-- A notice may name the person it concerns and who made the change. Only ids are stored:
-- the person's name is looked up when the inbox is read, through the access rules, so a
-- reader who may no longer open the record does not see it, and a notice never keeps a
-- copy of a name.
alter table notification.notice add column person_id uuid;
alter table notification.notice add column actor_id uuid references team.practitioner (id);
create index notice_unread on notification.notice (recipient_id) where read_at is null;
