#!/usr/bin/env bash
# Care plan read throughput: GET /api/v1/people/{id}/care-plan (access check and audit entry, then outcomes, objectives
# with sign-ups and the person's views, actions, reviews, options, risks and withheld notices, each filtered by the access
# policy), 4 clients (wrk -c4 -t2), over the demo partnership as the social worker sam.jones.
# Usage: bench/care-plan-view.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-30}
PORT=18092
DIR=$(mktemp -d /tmp/seamless-bench-XXXX)
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$DIR" /tmp/seamless-cookies-p' EXIT

java -jar "${JAR:-target/seamless.jar}" --server.port=$PORT --seamless.data-dir="$DIR" --seamless.demo=true \
	--logging.level.root=WARN >/dev/null 2>&1 &
PID=$!
BASE="http://localhost:$PORT"
until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.2; done
TOKEN=$(curl -s -c /tmp/seamless-cookies-p "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
curl -s -b /tmp/seamless-cookies-p -c /tmp/seamless-cookies-p -o /dev/null \
	-d "username=sam.jones&password=seamless-demo&_csrf=$TOKEN" "$BASE/login"
SESSION=$(grep JSESSIONID /tmp/seamless-cookies-p | awk '{print $7}')
# The demo plans are loaded just after start-up; find the person of sam.jones's caseload with the fullest plan.
PLAN=""
until [ -n "$PLAN" ]; do
	BEST=0
	for ID in $(curl -s -b "JSESSIONID=$SESSION" "$BASE/" | grep -o '/people/[0-9a-f-]\{36\}' | sort -u | cut -d/ -f3); do
		SIZE=$(curl -s -o /dev/null -w '%{size_download}' -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID/care-plan" || true)
		CODE=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID/care-plan" || true)
		if [ "$CODE" = "200" ] && [ "$SIZE" -gt "$BEST" ]; then BEST=$SIZE; PLAN="$BASE/api/v1/people/$ID/care-plan"; fi
	done
	[ -n "$PLAN" ] || sleep 0.5
done
echo "plan: $(curl -s -b "JSESSIONID=$SESSION" "$PLAN" | grep -o '"description"' | wc -l) descriptions, $BEST bytes"
echo "warm-up 10 s"; wrk -t2 -c4 -d10s -H "Cookie: JSESSIONID=$SESSION" "$PLAN" >/dev/null
wrk -t2 -c4 -d"${SECONDS_TO_RUN}s" --latency -H "Cookie: JSESSIONID=$SESSION" "$PLAN"
