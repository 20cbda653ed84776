#!/usr/bin/env bash
# What the information-governance policy costs: record-view throughput (bench/record-view.sh) of the foundation's
# relationship-only policy (commit ccb2fc8, built in a scratch worktree) against the current build, one after the other
# in one run, same machine, same demo data, same load (wrk -t2 -c4 on GET /api/v1/people/{id}).
# The foundation predates the durable database settings: its embedded PostgreSQL runs with the embedded library's
# defaults (fsync, synchronous_commit and full_page_writes off). So the current build runs twice: once with the same
# fast settings (the fair comparison of the policy), once with its durable defaults (what durability costs).
# Usage: bench/policy-compare.sh [seconds]   (builds target/seamless.jar too unless SKIP_BUILD=1)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
FOUNDATION=ccb2fc8
FIGURE="Record view and the access policy"
WT="$BENCH_WORK/foundation"
# The foundation's jar is kept between runs (building it takes minutes on a busy machine and is not what is measured).
FOUNDATION_JAR="$PWD/target/bench/foundation-$FOUNDATION.jar"
bench_on_exit() { git worktree remove --force "$WT" > /dev/null 2>&1 || true; git worktree prune; }
if [ ! -f "$FOUNDATION_JAR" ]; then
	git worktree add -q --detach "$WT" "$FOUNDATION"
	echo "building the foundation ($FOUNDATION)"
	(cd "$WT" && ./mvnw -B -o -q -DskipTests package)
	cp "$WT/target/seamless.jar" "$FOUNDATION_JAR"
else
	echo "using the foundation's jar built earlier ($FOUNDATION_JAR)"
fi
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -o -q -DskipTests package
unset BENCH_SERVER
export FIGURE
# run JAR ROW [server-arguments...]: one record-view run; its summary, or all its output if it failed.
run() {
	local jar=$1
	shift
	if ! JAR="$jar" bench/record-view.sh "$SECONDS_TO_RUN" "$@" > "$BENCH_WORK/run.out" 2>&1; then
		cat "$BENCH_WORK/run.out" >&2; exit 1
	fi
	grep -E "Requests/sec|50%|99%|Non-2xx" "$BENCH_WORK/run.out" || true
}
echo "== foundation ($FOUNDATION): relationship policy only, the embedded library's fast settings"
run "$FOUNDATION_JAR" "foundation ($FOUNDATION): care-team relationship only, fsync off"
echo "== current: full policy, the same fast settings"
run target/seamless.jar "current: full policy, fsync off (as the foundation)" --seamless.database.durable=false
echo "== current: full policy, durable settings (the default)"
run target/seamless.jar "current: full policy, durable settings"
