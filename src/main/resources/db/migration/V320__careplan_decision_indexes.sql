-- Every read of a care plan reads its decisions, their options and the professionals' views of them by plan, and none
-- of the three had an index to find them by: each plan read walked all three tables whole (pg_stat_user_tables on the
-- generated 100,000-person population, session 12: 2,813 sequential scans of each in 2,813 plan reads). The generator
-- makes no decisions, so this cost nothing there; in a partnership that records them it grows with every plan's.
create index if not exists decision_by_plan on careplan.decision (plan_id, recorded_at);

create index if not exists decision_option_by_decision on careplan.decision_option (decision_id, position);

create index if not exists professional_view_by_option on careplan.professional_view (option_id, recorded_at);
