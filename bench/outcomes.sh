#!/usr/bin/env bash
# What the outcomes dashboard costs on a large population. As cara.bell (commissioner) on the demo partnership:
#   - the dashboard page (a year by month, whole partnership) as the demo leaves it;
#   - then with a population added straight into the database: 100,000 people aged 50 to 100 led by the demo council's
#     social worker, 60,000 hospital admissions over two years (a third with 1 to 5 delayed days), 40,000 plans with
#     reviews, 20,000 carers' assessments and 30,000 pieces of feedback; the page by month and by quarter per team;
#   - EXPLAIN (ANALYZE, BUFFERS) of each owner's aggregate function for the year, to see the V190 indexes used.
# Needs psql. Usage: bench/outcomes.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
# With BENCH_SERVER set, BENCH_SERVER_DATA must name that server's data folder.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
FIGURE="Outcomes dashboard"
start_demo 18094
DATA=${BENCH_SERVER_DATA:-$BENCH_WORK/data-18094}
PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
sql() { psql -X -q -h localhost -p "$PG_PORT" -U postgres -d postgres -At -v ON_ERROR_STOP=1 "$@"; }
# The demo partnership loads after the caseloads: wait for it.
FUND=""
for _ in $(seq 1 300); do
	FUND=$(sql -c "select id from partnership.partnership where name = 'Riverside Better Care Fund'")
	[ -n "$FUND" ] && break
	sleep 1
done
[ -n "$FUND" ] || { echo "the demo partnership never loaded" >&2; exit 1; }
LEAD=$(sql -c "select practitioner_id from team.account where username = 'sam.jones'")
TEAM=$(sql -c "select team_id from team.team_membership where practitioner_id = '$LEAD' limit 1")
ORG=$(sql -c "select organisation_id from team.practitioner where id = '$LEAD'")
FROM=$(date -u -d "-11 months" +%Y-%m)
TO=$(date -u +%Y-%m)
sign_in cara.bell
PAGE="$BASE/partnerships/$FUND/outcomes?from=$FROM&to=$TO"
curl -fs -o /dev/null -b "JSESSIONID=$SESSION" "$PAGE"
measure "$PAGE" "$SECONDS_TO_RUN" "$FIGURE" "a year by month, demo data"

sql <<SQL
insert into person.person (id, given_name, family_name, date_of_birth, sex)
select gen_random_uuid(), 'Bench', 'Person' || i, date '1926-01-01' + (i % 18000), 'FEMALE'
from generate_series(1, 100000) i;
insert into team.care_team_member (id, person_id, practitioner_id, team_id, role, lead, period_start)
select gen_random_uuid(), p.id, '$LEAD', '$TEAM', 'Lead', true, date '2020-01-01'
from person.person p where p.given_name = 'Bench';
create temporary table bench_people as
	select id, row_number() over () as n from person.person where given_name = 'Bench';
insert into discharge.admission (id, person_id, organisation_id, ward_team_id, hospital, ward, admitted_at,
	discharged_at, pathway, rule_set_id, recorded_by, recorded_at)
select gen_random_uuid(), b.id, '$ORG', '$TEAM', 'Bench', 'Ward', now() - (n % 730) * interval '1 day' - interval '9 days',
	now() - (n % 730) * interval '1 day', (n % 4)::smallint, '7d7f2a7e-0a11-4c55-9d4e-3c2022000007', '$LEAD', now()
from bench_people b where n <= 60000;
insert into discharge.delayed_day (id, admission_id, person_id, day, reason, recorded_by, recorded_at)
select gen_random_uuid(), a.id, a.person_id, (a.discharged_at - d * interval '1 day')::date, 'AWAITING_CARE_HOME',
	'$LEAD', now()
from discharge.admission a cross join generate_series(1, 5) d
where a.hospital = 'Bench' and (hashtext(a.id::text) & 3) = 0 and d <= 1 + (hashtext(a.id::text) & 7) % 5;
insert into careplan.care_plan (id, person_id, source_organisation_id, created_by, created_at)
select gen_random_uuid(), b.id, '$ORG', 'bench', now() - (n % 900) * interval '1 day'
from bench_people b where n <= 40000;
insert into careplan.review (id, plan_id, person_id, kind, held_on, category, source_organisation_id, recorded_by,
	recorded_at)
select gen_random_uuid(), c.id, c.person_id, 'SCHEDULED', (c.created_at + interval '360 days')::date, 'GENERAL',
	'$ORG', 'bench', now()
from careplan.care_plan c where c.created_by = 'bench' and c.created_at < now() - interval '360 days';
insert into assessment.episode (id, person_id, stage, status, opened_by, opened_by_name, opened_by_org, opened_at,
	completed_at)
select gen_random_uuid(), b.id, 'carer', 'completed', '$LEAD', 'Bench', '$ORG', now() - (n % 700) * interval '1 day',
	now() - (n % 700) * interval '1 day' + interval '10 days'
from bench_people b where n <= 20000;
insert into door.account (id, username, password_hash, display_name, created_at)
select gen_random_uuid(), 'bench' || n, 'x', 'Bench', now() from bench_people b where n <= 30000;
insert into door.feedback (id, person_id, account_id, listened, explained, agree_plan, easy, given_at)
select gen_random_uuid(), b.id, a.id, 1 + n % 4, 1 + (n / 2) % 4, 1 + (n / 3) % 4, 1 + (n / 5) % 4,
	now() - (n % 700) * interval '1 day'
from bench_people b join door.account a on a.username = 'bench' || b.n where n <= 30000;
SQL
sql -c "analyze"
measure "$PAGE" "$SECONDS_TO_RUN" "$FIGURE" "a year by month, 100,000 more people"
measure "$PAGE&by=QUARTER&breakdown=TEAM" "$SECONDS_TO_RUN" "$FIGURE" "a year by quarter per team, 100,000 more people"
for f in discharge.outcome_counts assessment.outcome_counts careplan.outcome_counts door.outcome_counts; do
	echo "== $f"
	sql -c "explain (analyze, buffers) select * from $f(date '$FROM-01', date '$TO-01')" | tail -3
done
