#!/usr/bin/env bash
# The PostgreSQL floor: what the database alone does for the work of `bench view` and `bench search`, with pgbench
# (4 clients on 2 threads, prepared statements) against the same database as the server, so the ratio of each workload
# to its floor can be stated from one run. Each transaction, like the server's request:
#   floor-view    the person by id under the access rule a care-team member passes (an override for the account, or a
#                 current care-team membership of the practitioner), then one audit entry inserted as the audit log
#                 inserts it since ADR 44 (un-chained, no lock: the chainer gives it its place after commit), committed;
#   floor-search  family name (prefix) + date of birth under the same rule, at most 51 rows, then the audit entry.
# The audit entries go to a copy of audit.entry (schema bench_floor, same columns and indexes, dropped at the end) under
# no chainer, so the real chain stays verifiable and the server's chainer is not given them. Picking the target (one indexed read
# of bench_floor.target) is an extra statement the server does not make.
# Usage: bench/floor.sh DATA_DIR [seconds]   (DATA_DIR: the data folder of a running Seamless; needs pgbench and psql)
# Prints pgbench's report, then for each: workload=floor-view ops_per_s=X p50_ms=Y p99_ms=Z (p50/p99 from pgbench's
# per-transaction log).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DATA=${1:?usage: bench/floor.sh DATA_DIR [seconds]}
SECONDS_TO_RUN=${2:-20}
CLIENTS=${BENCH_FLOOR_CLIENTS:-4}
PG_PORT=$(sed -n 4p "$DATA/pg/postmaster.pid")
export PGHOST=localhost PGPORT=$PG_PORT PGUSER=postgres PGDATABASE=postgres
sql() { psql -X -q -At -v ON_ERROR_STOP=1 "$@"; }
bench_on_exit() { sql -c 'drop schema if exists bench_floor cascade' 2> /dev/null || true; }

sql <<'SQL'
drop schema if exists bench_floor cascade;
create schema bench_floor;
create table bench_floor.entry (like audit.entry including defaults including identity including constraints including indexes);
-- Who may open whom through a current care-team membership, with the account of that practitioner, numbered.
create table bench_floor.target as
select row_number() over (order by m.person_id, m.practitioner_id) as n, m.person_id, m.practitioner_id,
       p.family_name, p.date_of_birth, a.username as account
from team.care_team_member m
join person.person p on p.id = m.person_id
join team.practitioner pr on pr.id = m.practitioner_id
join team.account a on a.practitioner_id = pr.id
where m.period_start <= current_date and (m.period_end is null or m.period_end > current_date)
limit 100000;
alter table bench_floor.target add primary key (n);
analyze bench_floor.target;
analyze bench_floor.entry;
SQL
TARGETS=$(sql -c 'select count(*) from bench_floor.target')
[ "$TARGETS" -gt 0 ] || { echo "no current care-team memberships in this database" >&2; exit 1; }
echo "floor over $TARGETS care-team memberships"

# The audit append, as AuditLog does it since ADR 44: one insert without a place in the chain, no lock.
AUDIT=$(cat <<'SQL'
INSERT INTO bench_floor.entry (occurred_at, account, role, organisation_code, action, record_type, record_id,
  person_id, purpose, outcome, reason, override)
VALUES (now(), cast(:account as text), 'PRACTITIONER', 'ORG', 'ACTION', 'person', cast(:person_id as text), cast(:person_id as uuid),
  'DIRECT_CARE', 'PERMITTED', NULL, false);
SQL
)
RULE="(exists (select 1 from consent.override o where o.person_id = p.id and o.account = cast(:account as text) and o.expires_at > now())
  or exists (select 1 from team.care_team_member c where c.person_id = p.id and c.practitioner_id = cast(:practitioner_id as uuid)
   and c.period_start <= current_date and (c.period_end is null or c.period_end > current_date)))"
cat > "$BENCH_WORK/floor-view.sql" <<SQL
\set n random(1, $TARGETS)
SELECT person_id, practitioner_id, account FROM bench_floor.target WHERE n = :n \gset
BEGIN;
SELECT p.* FROM person.person p WHERE p.id = cast(:person_id as uuid) AND $RULE;
${AUDIT//ACTION/read-summary}
COMMIT;
SQL
cat > "$BENCH_WORK/floor-search.sql" <<SQL
\set n random(1, $TARGETS)
SELECT person_id, practitioner_id, account, lower(family_name) AS family, date_of_birth FROM bench_floor.target WHERE n = :n \gset
BEGIN;
SELECT p.id, p.given_name, p.family_name, p.date_of_birth, p.nhs_number, $RULE AS in_care_team
FROM person.person p WHERE lower(p.family_name) LIKE cast(:family as text) || '%' AND p.date_of_birth = cast(:date_of_birth as date)
ORDER BY p.family_name, p.given_name LIMIT 51;
${AUDIT//ACTION/search}
COMMIT;
SQL

# floor NAME: warm-up, then the measured run; p50/p99 from the per-transaction log (microseconds, third column).
floor() {
	local name=$1 out tps p50 p99 log
	pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "${BENCH_WARMUP:-10}" -f "$BENCH_WORK/$name.sql" > /dev/null
	log="$BENCH_WORK/log-$name"
	mkdir -p "$log"
	out=$(cd "$log" && pgbench -n -M prepared -c "$CLIENTS" -j 2 -T "$SECONDS_TO_RUN" -l -f "$BENCH_WORK/$name.sql")
	echo "$out"
	tps=$(echo "$out" | awk '/^tps/ {printf "%.1f", $3}')
	cat "$log"/pgbench_log.* | awk '{print $3}' | sort -n > "$log/sorted"
	local count
	count=$(wc -l < "$log/sorted")
	p50=$(awk -v n="$count" 'NR == int((n * 50 + 99) / 100) {printf "%.2f", $1 / 1000}' "$log/sorted")
	p99=$(awk -v n="$count" 'NR == int((n * 99 + 99) / 100) {printf "%.2f", $1 / 1000}' "$log/sorted")
	echo "load average: $(load_average)"
	echo "workload=$name ops_per_s=$tps p50_ms=$p50 p99_ms=$p99"
}
echo "load average before: $(load_average)"
floor floor-view
floor floor-search
