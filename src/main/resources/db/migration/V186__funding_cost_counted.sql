-- Issue 18: a cancelled or finished plan action no longer counts towards the final personal budget. The cost row
-- is kept (so reopening the action counts it again, and the history of what was costed stays); "counted" follows
-- whether the action is open, set when the cost is recorded and whenever the action's status changes.
alter table funding.support_cost add column counted boolean not null default true;
