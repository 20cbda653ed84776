#!/usr/bin/env bash
# Record-view throughput with the full information-governance policy, compared in one run with the foundation's
# relationship-only policy (commit ccb2fc8, built in a temporary worktree). Same machine, same demo data, same load:
# wrk -t2 -c4 on GET /api/v1/people/{id}. Usage: bench/policy-compare.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-20}
FOUNDATION=ccb2fc8
WT=$(mktemp -d /tmp/seamless-foundation-XXXX)
trap 'git worktree remove --force "$WT" >/dev/null 2>&1 || true' EXIT
git worktree add -q --detach "$WT" "$FOUNDATION"
(cd "$WT" && ./mvnw -o -q -DskipTests package)
./mvnw -o -q -DskipTests package
echo "== foundation ($FOUNDATION): relationship policy only"
JAR="$WT/target/seamless.jar" bench/record-view.sh "$SECONDS_TO_RUN" | grep -E "Requests/sec|50%|99%" || true
echo "== current: full policy (relationship, agreement, objection, sensitivity, consent, override)"
JAR=target/seamless.jar bench/record-view.sh "$SECONDS_TO_RUN" | grep -E "Requests/sec|50%|99%" || true
