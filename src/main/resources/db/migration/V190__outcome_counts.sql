-- Outcome reporting (issue 19): each module that holds the facts publishes one aggregate function in its own schema,
-- returning counts only (never a person's id), grouped by month and by the organisation and team of the person's
-- current lead professional (carers' assessments: the organisation that opened them). The outcomes module reads them
-- through the owners' fragments (docs/partnership.md, "Outcome measures"). Every function takes a range of months so
-- the date indexes below are used; months are calendar months in Europe/London.

create index if not exists admission_discharged_on on discharge.admission (discharged_at)
	include (person_id, pathway) where discharged_at is not null;
create index if not exists admission_person_admitted on discharge.admission (person_id, admitted_at);
create index if not exists delayed_day_by_day on discharge.delayed_day (day) include (person_id);
create index if not exists episode_carer_completed on assessment.episode (completed_at)
	include (opened_by_org) where stage = 'carer' and status = 'completed';
create index if not exists care_plan_created on careplan.care_plan (created_at) include (person_id);
create index if not exists feedback_given on door.feedback (given_at) include (person_id);
create index if not exists care_team_member_current_lead_person on team.care_team_member (person_id)
	include (practitioner_id, team_id) where lead and period_end is null;

-- Delayed days, discharges to the usual place of residence (pathways 0 and 1), people aged 65+ still at home 91 days
-- after a discharge into reablement (pathway 1: no later admission recorded within 91 days), and admissions of people
-- aged 65+ to a care home (pathway 3).
create function discharge.outcome_counts(from_month date, to_month date)
returns table (measure text, month date, organisation_id uuid, team_id uuid, numerator bigint, denominator bigint)
language sql stable as $$
	with lead as (
		select m.person_id, p.organisation_id, m.team_id
		from team.care_team_member m join team.practitioner p on p.id = m.practitioner_id
		where m.lead and m.period_end is null
	), discharged as (
		select a.id, a.person_id, a.pathway, a.discharged_at,
			date_trunc('month', a.discharged_at at time zone 'Europe/London')::date as month,
			(pp.date_of_birth <= (a.discharged_at at time zone 'Europe/London')::date - interval '65 years') as older
		from discharge.admission a join person.person pp on pp.id = a.person_id
		where a.discharged_at >= (from_month::timestamp at time zone 'Europe/London')
			and a.discharged_at < ((to_month + interval '1 month')::timestamp at time zone 'Europe/London')
	)
	select 'DELAYED_DAYS', date_trunc('month', d.day)::date, l.organisation_id, l.team_id, count(*), null::bigint
	from discharge.delayed_day d join lead l on l.person_id = d.person_id
	where d.day >= from_month and d.day < to_month + interval '1 month'
	group by 2, 3, 4
	union all
	select 'USUAL_RESIDENCE', x.month, l.organisation_id, l.team_id,
		count(*) filter (where x.pathway in (0, 1)), count(*)
	from discharged x join lead l on l.person_id = x.person_id
	where x.pathway is not null
	group by 2, 3, 4
	union all
	select 'HOME_91_DAYS', x.month, l.organisation_id, l.team_id,
		count(*) filter (where not exists (select 1 from discharge.admission n
			where n.person_id = x.person_id and n.admitted_at > x.discharged_at
				and n.admitted_at <= x.discharged_at + interval '91 days')),
		count(*)
	from discharged x join lead l on l.person_id = x.person_id
	where x.pathway = 1 and x.older and x.discharged_at + interval '91 days' <= now()
	group by 2, 3, 4
	union all
	select 'CARE_HOME_ADMISSIONS_65', x.month, l.organisation_id, l.team_id, count(*), null::bigint
	from discharged x join lead l on l.person_id = x.person_id
	where x.pathway = 3 and x.older
	group by 2, 3, 4
$$;

-- Carers' assessments completed, by the organisation that opened them (a carer often has no care team of their own).
create function assessment.outcome_counts(from_month date, to_month date)
returns table (measure text, month date, organisation_id uuid, team_id uuid, numerator bigint, denominator bigint)
language sql stable as $$
	select 'CARERS_ASSESSED', date_trunc('month', e.completed_at at time zone 'Europe/London')::date, e.opened_by_org,
		null::uuid, count(*), null::bigint
	from assessment.episode e
	where e.stage = 'carer' and e.status = 'completed'
		and e.completed_at >= (from_month::timestamp at time zone 'Europe/London')
		and e.completed_at < ((to_month + interval '1 month')::timestamp at time zone 'Europe/London')
	group by 2, 3
$$;

-- Reviews held on time: a review falls due twelve months after the plan was made or last reviewed, and was held on
-- time when the next review was held on or before that date (counted in the month it fell due, once it has passed).
-- Plans agreed: of plans made in the month with at least one objective, those where the person's (or their
-- representative's) latest view on every objective is that they agree.
create function careplan.outcome_counts(from_month date, to_month date)
returns table (measure text, month date, organisation_id uuid, team_id uuid, numerator bigint, denominator bigint)
language sql stable as $$
	with lead as (
		select m.person_id, p.organisation_id, m.team_id
		from team.care_team_member m join team.practitioner p on p.id = m.practitioner_id
		where m.lead and m.period_end is null
	), event as (
		select c.id as plan_id, c.person_id, (c.created_at at time zone 'Europe/London')::date as on_day
		from careplan.care_plan c
		where c.created_at >= ((from_month - interval '12 months')::timestamp at time zone 'Europe/London')
			and c.created_at < ((to_month - interval '11 months')::timestamp at time zone 'Europe/London')
		union all
		select r.plan_id, r.person_id, r.held_on
		from careplan.review r
		where r.held_on >= from_month - interval '12 months' and r.held_on < to_month - interval '11 months'
	), due as (
		select e.person_id, (e.on_day + interval '12 months')::date as due_on,
			(select min(n.held_on) from careplan.review n where n.plan_id = e.plan_id and n.held_on > e.on_day) as next_on
		from event e
	), made as (
		select c.person_id, date_trunc('month', c.created_at at time zone 'Europe/London')::date as month,
			bool_and(coalesce((select g.view from careplan.agreement g where g.objective_id = o.id
				order by g.seq desc limit 1) = 'AGREES', false)) as agreed
		from careplan.care_plan c join careplan.objective o on o.plan_id = c.id
		where c.created_at >= (from_month::timestamp at time zone 'Europe/London')
			and c.created_at < ((to_month + interval '1 month')::timestamp at time zone 'Europe/London')
		group by c.id, c.person_id, c.created_at
	)
	select 'REVIEWS_ON_TIME', date_trunc('month', d.due_on)::date, l.organisation_id, l.team_id,
		count(*) filter (where d.next_on <= d.due_on), count(*)
	from due d join lead l on l.person_id = d.person_id
	where d.due_on < current_date
	group by 2, 3, 4
	union all
	select 'PLAN_AGREED', m.month, l.organisation_id, l.team_id, count(*) filter (where m.agreed), count(*)
	from made m join lead l on l.person_id = m.person_id
	group by 2, 3, 4
$$;

-- Feedback given at the door: each of the four questions answered "mostly" or "yes, fully" (3 or 4), and feedback a
-- manager has answered ("you said, we did").
create function door.outcome_counts(from_month date, to_month date)
returns table (measure text, month date, organisation_id uuid, team_id uuid, numerator bigint, denominator bigint)
language sql stable as $$
	with lead as (
		select m.person_id, p.organisation_id, m.team_id
		from team.care_team_member m join team.practitioner p on p.id = m.practitioner_id
		where m.lead and m.period_end is null
	), given as (
		select f.*, date_trunc('month', f.given_at at time zone 'Europe/London')::date as month
		from door.feedback f
		where f.given_at >= (from_month::timestamp at time zone 'Europe/London')
			and f.given_at < ((to_month + interval '1 month')::timestamp at time zone 'Europe/London')
	)
	select v.measure, g.month, l.organisation_id, l.team_id, count(*) filter (where v.yes), count(*)
	from given g join lead l on l.person_id = g.person_id
	cross join lateral (values ('FEEDBACK_LISTENED', g.listened >= 3), ('FEEDBACK_EXPLAINED', g.explained >= 3),
		('FEEDBACK_AGREE_PLAN', g.agree_plan >= 3), ('FEEDBACK_EASY', g.easy >= 3),
		('FEEDBACK_ANSWERED', g.we_did is not null)) as v (measure, yes)
	group by 1, 2, 3, 4
$$;

-- The population for rates per 100,000: people on the record aged at least min_age on as_at, by the organisation and
-- team of their current lead professional.
create function person.population_aged(as_at date, min_age integer)
returns table (organisation_id uuid, team_id uuid, people bigint)
language sql stable as $$
	select p.organisation_id, m.team_id, count(*)
	from person.person pp
	join team.care_team_member m on m.person_id = pp.id and m.lead and m.period_end is null
	join team.practitioner p on p.id = m.practitioner_id
	where pp.date_of_birth <= as_at - make_interval(years => min_age)
	group by 1, 2
$$;
