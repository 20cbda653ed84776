#!/usr/bin/env bash
# What the unread-notice count costs. Every page asks for it (web.CurrentUserAdvice puts it in the navigation), so a
# practitioner with a full inbox pays it on every click. Measures, as nina.patel on the demo partnership:
#   - a light page (GET /account/password: the layout and a form) with her inbox as the demo leaves it, then with
#     10,000 unread notices added (the worst case: read notices are outside the partial index notice_unread) and
#     40,000 read ones of other practitioners;
#   - the count query itself with EXPLAIN ANALYZE, with the index and (in a transaction rolled back) without it.
# Needs psql (any version: plain SQL only). The notices are written straight into the database.
# Usage: bench/notices.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
# With BENCH_SERVER set, BENCH_SERVER_DATA must name that server's data folder.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
FIGURE="Unread notices on every page"
start_demo 18093
DATA=${BENCH_SERVER_DATA:-$BENCH_WORK/data-18093}
PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
sql() { psql -X -q -h localhost -p "$PG_PORT" -U postgres -d postgres -At -v ON_ERROR_STOP=1 "$@"; }
RECIPIENT=$(sql -c "select practitioner_id from team.account where username = 'nina.patel'")
COUNT="select count(*) from notification.notice where recipient_id = '$RECIPIENT' and read_at is null"
sign_in nina.patel
PAGE="$BASE/account/password"
curl -fs -o /dev/null -b "JSESSIONID=$SESSION" "$PAGE"

echo "== inbox as the demo leaves it: $(sql -c "$COUNT") unread"
measure "$PAGE" "$SECONDS_TO_RUN" "$FIGURE" "light page, $(sql -c "$COUNT") unread notices"

# 10,000 unread for her, and 40,000 read ones spread over everyone else, so the planner sees a table like a
# partnership's rather than one that is all hers.
sql <<SQL
insert into notification.notice (id, recipient_id, kind, link, created_at)
select gen_random_uuid(), '$RECIPIENT', 'careplan.objective_added', '/notifications', now() - i * interval '1 minute'
from generate_series(1, 10000) i;
insert into notification.notice (id, recipient_id, kind, link, created_at, read_at)
select gen_random_uuid(), p.id, 'careplan.objective_added', '/notifications', now() - i * interval '1 minute', now()
from generate_series(1, 40000 / (select count(*) from team.practitioner where id <> '$RECIPIENT')) i
cross join team.practitioner p where p.id <> '$RECIPIENT';
SQL
sql -c "vacuum analyze notification.notice"
echo "== with 10,000 more: $(sql -c "$COUNT") unread"
measure "$PAGE" "$SECONDS_TO_RUN" "$FIGURE" "light page, $(sql -c "$COUNT") unread notices"

# The count query alone: the best of 20 runs, with the partial index and without it.
best_of() {
	echo "$1" | sql | grep -o 'Execution Time: [0-9.]*' | awk '{print $3}' | sort -n | head -1
}
explain=""
for _ in $(seq 20); do explain+="explain (analyze) $COUNT;"; done
UNREAD=$(sql -c "$COUNT")
WITH=$(best_of "$explain")
WITHOUT=$(best_of "begin; drop index notification.notice_unread; $explain rollback;")
PLAN=$(sql -c "explain $COUNT" | head -3 | tr -s ' ' | paste -sd' ')
echo "count query, best of 20: $WITH ms with notice_unread, $WITHOUT ms without it; plan: $PLAN"
result "Unread notices: the count query alone (best of 20 runs, EXPLAIN ANALYZE)" "$UNREAD unread" "with the partial index notice_unread" "$WITH ms"
result "Unread notices: the count query alone (best of 20 runs, EXPLAIN ANALYZE)" "$UNREAD unread" "without it" "$WITHOUT ms"
