#!/usr/bin/env bash
# Record-view throughput: GET /api/v1/people/{id} (the record summary: access decision and an audit entry per request)
# as the district nurse nina.patel over the demo partnership, 4 concurrent clients (wrk -t2 -c4), session cookie.
# Usage: bench/record-view.sh [seconds [row-label [server-arguments...]]]
#   (build first: ./mvnw -DskipTests package; needs wrk). JAR=… runs another jar (bench/policy-compare.sh does).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
ROW=${2:-record view (durable settings)}
shift $(( $# > 2 ? 2 : $# ))
start_demo 18090 "$@"
sign_in nina.patel
# The first person of her caseload (the page lists the people of her care teams: the caseload of the foundation
# build has the same links, so this works on both).
ID=$(caseload | head -1)
curl -fs -o /dev/null -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID"
echo "record: $BASE/api/v1/people/$ID"
measure "$BASE/api/v1/people/$ID" "$SECONDS_TO_RUN" "${FIGURE:-Reads through the API}" "$ROW"
