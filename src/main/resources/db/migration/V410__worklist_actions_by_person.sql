-- The worklist's organisation queues start from the viewer's own people (ADR 77, AccessPolicy.reachablePeople):
-- for each person the viewer could reach, their open actions in due order. careplan.action had no index led by the person (a
-- plan's actions were found by plan), so without this each candidate would cost a scan. On a copy of the generated
-- 100,000-person population, staff1's first page of the overdue queue read 30,583 buffers walking the organisation's
-- queue with the access rule on 9,623 actions; with this it reads 5,607, the rule on the 253 actions of their 644
-- people. "if not exists": it was first made by hand on that copy to measure it.
create index if not exists action_open_by_person_due on careplan.action (person_id, due_on, id)
	where status in ('OPEN', 'IN_PROGRESS');
