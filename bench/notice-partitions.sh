#!/usr/bin/env bash
# The unread-notice count (every HTML page runs it) before and after V230 partitions the notice tables by month, on the
# same data folder, back to back: the server starts with Flyway stopped before V230 (the tables as before), 10,000 unread
# notices for nina.patel and 40,000 read ones of other practitioners are added over the last 40 days (as
# bench/notices.sh), the count is measured (EXPLAIN ANALYZE, best of 20); the server stops, starts again and Flyway
# applies V230 to those rows; the count is measured again. Also shows the conversion works on a folder with rows.
# Usage: bench/notice-partitions.sh   (build first: ./mvnw -DskipTests package; needs psql)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
FIGURE="Unread notices: the count before and after monthly partitions (V230; best of 20, EXPLAIN ANALYZE)"
DATA=$BENCH_WORK/data-18230
# The newest migration before V230 in this jar (Flyway's target must name an existing version).
BEFORE=$(unzip -Z1 "${JAR:-target/seamless.jar}" 'BOOT-INF/classes/db/migration/*' | sed -n 's/.*\/V\([0-9]*\)__.*/\1/p' \
	| awk '$1 < 230' | sort -n | tail -1)
start_demo 18230 --spring.flyway.target="$BEFORE"

PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
sql() { psql -X -q -h localhost -p "$PG_PORT" -U postgres -d postgres -At -v ON_ERROR_STOP=1 "$@"; }
RECIPIENT=$(sql -c "select practitioner_id from team.account where username = 'nina.patel'")
COUNT="select count(*) from notification.notice where recipient_id = '$RECIPIENT' and read_at is null"
sql <<SQL
insert into notification.notice (id, recipient_id, kind, link, created_at)
select gen_random_uuid(), '$RECIPIENT', 'careplan.objective_added', '/notifications', now() - i * interval '4 minutes'
from generate_series(1, 10000) i;
insert into notification.notice (id, recipient_id, kind, link, created_at, read_at)
select gen_random_uuid(), p.id, 'careplan.objective_added', '/notifications', now() - i * interval '1 minute', now()
from generate_series(1, 40000 / (select count(*) from team.practitioner where id <> '$RECIPIENT')) i
cross join team.practitioner p where p.id <> '$RECIPIENT';
vacuum analyze notification.notice;
SQL
measure_count() {
	local explain="" best plan
	for _ in $(seq 20); do explain+="explain (analyze) $COUNT;"; done
	best=$(echo "$explain" | sql | grep -o 'Execution Time: [0-9.]*' | awk '{print $3}' | sort -n | head -1)
	echo "== $1: $(sql -c "$COUNT") unread of $(sql -c "select count(*) from notification.notice") notices; best of 20: $best ms"
	sql -c "explain (analyze, costs off, timing off, summary on) $COUNT"
	result "$FIGURE" "$1" "ms (best of 20)" "$best"
}
echo "load average before: $(load_average)"
measure_count "one table (V$BEFORE)"
kill "$PID"; wait "$PID" 2>/dev/null || true
start_server 18230 "$DATA"
echo "migrated: $(sql -c "select version from flyway_schema_history order by installed_rank desc limit 1"); partitions: $(sql -c "select count(*) from pg_inherits where inhparent = 'notification.notice'::regclass")"
sql -c "vacuum analyze notification.notice"
measure_count "by month (V230)"
echo "load average after: $(load_average)"
