#!/usr/bin/env bash
# Measures again every figure of docs/benchmarks.md except the soak (bench/soak.sh, 30 minutes, run on its own) and the
# test suite's own time (`./mvnw verify`), against a freshly built jar on the default, durable database settings.
# Everything goes to target/bench/run-<UTC time>/: results.tsv (the figures), tables.md (the same as Markdown tables in
# the shape of docs/benchmarks.md, made by bench/tables.sh) and one log per step. Nothing is left in /tmp.
#
# Steps (each is a script of its own and can be run alone; the repetitions are cut down so the whole run stays under
# about 15 minutes on a quiet 2-core machine):
#   startup      bench/startup.sh 3              cold and warm start, 3 runs
#   api          bench/api.sh 20: one demo server for bench/record-view.sh, bench/assessment-view.sh,
#                bench/care-plan-view.sh and bench/notices.sh   (10 s warm-up and 20 s measured each)
#   policy       bench/policy-compare.sh 20      builds the foundation commit and runs three record-view servers
#   linkage      bench/linkage.sh                link evaluate on the shared data sets, link bench 100,000 and 1,000,000
#   matching     bench/matching.sh 1000000 2000  online matching against a million people
#
# Usage: bench/all.sh [--no-build] [--skip step,step] [--quick]   e.g. --skip policy,matching
#   --quick  a smoke test of the scripts, not figures to publish: 1 start-up run, 5 s measurements, no 1,000,000-record
#            link bench, matching against 20,000 people with 200 queries
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BUILD=1
SKIP=""
QUICK=0
while [ $# -gt 0 ]; do
	case $1 in
		--no-build) BUILD=0 ;;
		--skip) SKIP=",$2,"; shift ;;
		--quick) QUICK=1 ;;
		*) echo "usage: bench/all.sh [--no-build] [--skip step,step] [--quick]" >&2; exit 2 ;;
	esac
	shift
done
RUN="$PWD/target/bench/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$RUN"
export BENCH_RESULTS="$RUN/results.tsv"
{
	echo "# Measured by bench/all.sh from $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD)$(git diff --quiet HEAD || echo ' (with uncommitted changes)'),"
	[ "$QUICK" = 0 ] || echo "# QUICK RUN (--quick): a smoke test of the scripts with cut-down repetitions, not figures to publish."
	echo "# $(nproc) cores, $(free -g | awk '/^Mem/ {print $2}') GiB, $(java -version 2>&1 | head -1), load average at the start $(load_average)."
} > "$BENCH_RESULTS"
STARTED=$SECONDS
FAILED=""

# step NAME COMMAND...: runs one step with its output in the run's folder, times it, and goes on if it fails.
step() {
	local name=$1 begin=$SECONDS
	shift
	if [[ "$SKIP" == *",$name,"* ]]; then echo "-- $name: skipped"; return; fi
	echo "-- $name: $* (log: $RUN/$name.log)"
	if "$@" > "$RUN/$name.log" 2>&1; then
		echo "   done in $((SECONDS - begin)) s"
	else
		echo "   FAILED after $((SECONDS - begin)) s; the end of its log:"; tail -15 "$RUN/$name.log" | sed 's/^/   /'
		FAILED+=" $name"
	fi
	result "The run itself (bench/all.sh)" "$name" "seconds" "$((SECONDS - begin))"
}

if [ "$BUILD" = 1 ]; then
	step build ./mvnw -B -o -q -DskipTests package
	[ -z "$FAILED" ] || exit 1
fi
if [ "$QUICK" = 1 ]; then
	export BENCH_WARMUP=2
	step startup bench/startup.sh 1
	step api bench/api.sh 5
	step policy env SKIP_BUILD=1 bench/policy-compare.sh 5
	step linkage bench/linkage.sh --no-million
	step matching bench/matching.sh 20000 200
else
	step startup bench/startup.sh 3
	step api bench/api.sh 20
	step policy env SKIP_BUILD=1 bench/policy-compare.sh 20
	step linkage bench/linkage.sh
	step matching bench/matching.sh 1000000 2000
fi

result "The run itself (bench/all.sh)" "total" "seconds" "$((SECONDS - STARTED))"
bench/tables.sh "$BENCH_RESULTS" > "$RUN/tables.md"
cat "$RUN/tables.md"
echo
echo "bench/all.sh took $((SECONDS - STARTED)) s; figures in $BENCH_RESULTS, tables in $RUN/tables.md"
[ -z "$FAILED" ] || { echo "failed steps:$FAILED (see their logs in $RUN)" >&2; exit 1; }
