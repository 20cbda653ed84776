#!/usr/bin/env bash
# Assessment findings throughput: GET /api/v1/people/{id}/assessments/{episode}/findings (access check, audit write,
# every answer the viewer may see with provenance and disagreements, in their words), 4 clients (wrk -c4 -t2), over the
# demo partnership as the social worker sam.jones (who reads the nurse's answers across organisations).
# Usage: bench/assessment-view.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-30}
PORT=18091
DIR=$(mktemp -d /tmp/seamless-bench-XXXX)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR" /tmp/seamless-cookies-a' EXIT

java -jar "${JAR:-target/seamless.jar}" --server.port=$PORT --seamless.data-dir="$DIR" --seamless.demo=true \
	--logging.level.root=WARN >/dev/null 2>&1 &
PID=$!
BASE="http://localhost:$PORT"
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.2; done
TOKEN=$(curl -s -c /tmp/seamless-cookies-a "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b /tmp/seamless-cookies-a -c /tmp/seamless-cookies-a -o /dev/null \
	-d "username=sam.jones&password=seamless-demo&_csrf=$TOKEN" "$BASE/login"
SESSION=$(grep JSESSIONID /tmp/seamless-cookies-a | awk '{print $7}')
# The demo assessments are loaded just after start-up; find a person of sam.jones's caseload who has one.
FINDINGS=""
until [ -n "$FINDINGS" ]; do
	for ID in $(curl -s -b "JSESSIONID=$SESSION" "$BASE/" | grep -o '/people/[0-9a-f-]\{36\}' | sort -u | cut -d/ -f3); do
		EP=$(curl -s -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID/assessments" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
		if [ -n "$EP" ]; then FINDINGS="$BASE/api/v1/people/$ID/assessments/$EP/findings"; break; fi
	done
	[ -n "$FINDINGS" ] || sleep 0.5
done
echo "answers per request: $(curl -s -b "JSESSIONID=$SESSION" "$FINDINGS" | grep -o '"question"' | wc -l)"
echo "warm-up 10 s"; wrk -t2 -c4 -d10s -H "Cookie: JSESSIONID=$SESSION" "$FINDINGS" >/dev/null
wrk -t2 -c4 -d"${SECONDS_TO_RUN}s" --latency -H "Cookie: JSESSIONID=$SESSION" "$FINDINGS"
