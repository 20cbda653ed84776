#!/usr/bin/env bash
# The read figures through the API and the unread-notice figures, against one demo server (durable settings) rather
# than one per script: bench/record-view.sh, bench/assessment-view.sh, bench/care-plan-view.sh, bench/notices.sh.
# Usage: bench/api.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk and psql)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
start_server 18090 "$BENCH_WORK/data" --seamless.demo=true
export BENCH_SERVER=$BASE BENCH_SERVER_DATA="$BENCH_WORK/data" BENCH_SERVER_PID=$PID
wait_for_caseload nina.patel
status=0
bench/record-view.sh "$SECONDS_TO_RUN" || status=1
bench/assessment-view.sh "$SECONDS_TO_RUN" || status=1
bench/care-plan-view.sh "$SECONDS_TO_RUN" || status=1
# Last: it adds 10,000 notices to nina.patel's inbox.
bench/notices.sh "$SECONDS_TO_RUN" || status=1
exit $status
