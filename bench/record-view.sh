#!/usr/bin/env bash
# Record-view throughput: GET /api/v1/people/{id} with the access check and an audit write per request,
# 4 concurrent clients (wrk -c4 -t2), over the demo partnership. Needs wrk (apt-get install wrk).
# Usage: bench/record-view.sh [seconds]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-30}
PORT=18090
DIR=$(mktemp -d /tmp/seamless-bench-XXXX)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR" /tmp/seamless-cookies' EXIT

java -jar "${JAR:-target/seamless.jar}" --server.port=$PORT --seamless.data-dir="$DIR" --seamless.demo=true \
	--logging.level.root=WARN >/dev/null 2>&1 &
PID=$!
until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.2; done
# The demo loads just after the server reports healthy; wait for the caseload to exist.
BASE="http://localhost:$PORT"
until [ "$(curl -s -u nina.patel:seamless-demo "$BASE/api/v1/people?q=a" | grep -o '"total":[0-9]*' | cut -d: -f2)" -gt 0 ] 2>/dev/null; do sleep 0.5; done

# Sign in once with the form so wrk reuses a session (HTTP Basic would run bcrypt on every request).
TOKEN=$(curl -s -c /tmp/seamless-cookies "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b /tmp/seamless-cookies -c /tmp/seamless-cookies -o /dev/null \
	-d "username=nina.patel&password=seamless-demo&_csrf=$TOKEN" "$BASE/login"
SESSION=$(grep JSESSIONID /tmp/seamless-cookies | awk '{print $7}')
ID=$(curl -s -b "JSESSIONID=$SESSION" "$BASE/api/v1/people?q=a" | grep -o '"id":"[^"]*","givenName":"[^"]*","familyName":"[^"]*","dateOfBirth":"[^"]*","nhsNumber":[^,]*,"partialPostcode":[^,]*,"inCareTeam":true' | head -1 | sed 's/"id":"\([^"]*\)".*/\1/')
curl -fs -o /dev/null -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID"

echo "warm-up 10 s"; wrk -t2 -c4 -d10s -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID" >/dev/null
wrk -t2 -c4 -d"${SECONDS_TO_RUN}s" --latency -H "Cookie: JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID"
