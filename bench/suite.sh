#!/usr/bin/env bash
# Every workload of `seamless.jar bench` against one server, then the PostgreSQL floor (bench/floor.sh) on the same
# database, then (given --csv) the bulk import into the same data folder once the server has stopped; prints each
# command's output and a table, with view and search as a ratio of their floor measured in the same run.
# Usage: nice -n 10 bench/suite.sh [--data DIR] [--seconds S] [--warmup S] [--clients C] [--password P]
#                                  [--users a,b | --user-count K] [--admin USER] [--csv FILE] [--workloads "..."]
#   no --data: the demo partnership in a throw-away folder, as nina.patel and sam.jones with seamless-demo;
#   --data DIR: a generated population (the population helper's `generate`), as staff1 … staffK (default 4) with the
#   password given; the folder is kept, and --csv imports into it. fhir-create and fhir-bundle sign in as --admin
#   (default admin, same password): creating Patients over FHIR is an administrator's work.
# Build first (./mvnw -DskipTests package). JAR=… runs another jar. Exits 1 when any workload had errors.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
DATA="" SECONDS_TO_RUN=20 WARMUP=${BENCH_WARMUP:-10} CLIENTS=4 PASSWORD=seamless-demo USERS=() CSV="" ADMIN=admin
WORKLOADS="view search assessment plan worklist match fhir-read fhir-search create fhir-create fhir-bundle"
while [ $# -gt 0 ]; do
	case $1 in
		--data) DATA=$2; shift 2 ;;
		--seconds) SECONDS_TO_RUN=$2; shift 2 ;;
		--warmup) WARMUP=$2; shift 2 ;;
		--clients) CLIENTS=$2; shift 2 ;;
		--password) PASSWORD=$2; shift 2 ;;
		--users) USERS=(--users "$2"); shift 2 ;;
		--user-count) USERS=(--user-count "$2"); shift 2 ;;
		--csv) CSV=$2; shift 2 ;;
		--admin) ADMIN=$2; shift 2 ;;
		--workloads) WORKLOADS=$2; shift 2 ;;
		*) echo "unknown argument: $1" >&2; exit 2 ;;
	esac
done
JAR=${JAR:-target/seamless.jar}
if [ -z "$DATA" ]; then
	start_demo 18095
	DATA="$BENCH_WORK/data-18095"
	[ ${#USERS[@]} -gt 0 ] || USERS=(--users nina.patel,sam.jones)
else
	start_server 18095 "$DATA"
	[ ${#USERS[@]} -gt 0 ] || USERS=(--user-count 4)
fi
echo "# $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1); data: $DATA;" \
	"$(date -u +%FT%TZ); load average at the start $(load_average)"
LINES="$BENCH_WORK/lines"
: > "$LINES"
status=0
for w in $WORKLOADS; do
	echo "== $w"
	who=("${USERS[@]}")
	case $w in fhir-create | fhir-bundle) who=(--users "$ADMIN") ;; esac
	java -jar "$JAR" bench "$w" --url "$BASE" --clients "$CLIENTS" --seconds "$SECONDS_TO_RUN" --warmup "$WARMUP" \
		--password "$PASSWORD" "${who[@]}" | tee "$BENCH_WORK/$w.out" || status=1
	tail -1 "$BENCH_WORK/$w.out" | grep '^workload=' >> "$LINES" || echo "workload=$w ops_per_s=- p50_ms=- p99_ms=-" >> "$LINES"
	grep -q '^ERRORS' "$BENCH_WORK/$w.out" && echo "$w errors" >> "$BENCH_WORK/errors" || true
done
echo "== floor"
BENCH_WARMUP=$WARMUP bench/floor.sh "$DATA" "$SECONDS_TO_RUN" | tee "$BENCH_WORK/floor.out" || status=1
grep '^workload=floor' "$BENCH_WORK/floor.out" >> "$LINES" || true
if [ -n "$CSV" ]; then
	echo "== import (server stopped: the import opens the data folder itself)"
	kill "$PID"; wait "$PID" 2> /dev/null || true
	java -jar "$JAR" bench import --file "$CSV" --import-arg=--seamless.data-dir="$DATA" \
		--import-arg=--logging.level.root=WARN | tee "$BENCH_WORK/import.out" || status=1
	tail -1 "$BENCH_WORK/import.out" | grep '^workload=' >> "$LINES" || true
fi

# Empty, not a failure, when the line has no such field: under `set -e -o pipefail` a grep that found nothing
# ended the script with status 1 at the first workload without a floor, half way through the table.
field() { echo "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
floor_of() { field "$(grep "^workload=floor-$1 " "$LINES" || true)" ops_per_s; }
echo
echo "load average at the end: $(load_average)"
printf '%-12s %10s %10s %10s %14s\n' workload ops/s p50_ms p99_ms "of the floor"
while read -r line; do
	w=$(field "$line" workload) ops=$(field "$line" ops_per_s)
	floor=$(floor_of "$w") ratio=""
	if [ -n "$floor" ] && [ "$ops" != "-" ]; then ratio=$(awk -v a="$ops" -v b="$floor" 'BEGIN {if (b > 0) printf "%.0f%%", 100 * a / b}'); fi
	errors=""
	grep -q "^$w errors" "$BENCH_WORK/errors" 2> /dev/null && errors="  (errors)"
	printf '%-12s %10s %10s %10s %14s%s\n' "$w" "$ops" "$(field "$line" p50_ms)" "$(field "$line" p99_ms)" "$ratio" "$errors"
done < "$LINES"
exit $status
