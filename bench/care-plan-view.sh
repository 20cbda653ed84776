#!/usr/bin/env bash
# Care plan read throughput: GET /api/v1/people/{id}/care-plan (access check and audit entry, then outcomes, objectives
# with sign-ups and the person's views, actions, reviews, options, risks and withheld notices, each filtered by the access
# policy), 4 clients (wrk -c4 -t2), over the demo partnership as the social worker sam.jones.
# Usage: bench/care-plan-view.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
start_demo 18092
sign_in sam.jones
# The demo plans are loaded just after start-up; take the person of sam.jones's caseload with the fullest plan.
PLAN=""
deadline=$((SECONDS + 600))
until [ -n "$PLAN" ]; do
	BEST=0
	for ID in $(caseload); do
		RESULT=$(curl -s -o /dev/null -w '%{http_code} %{size_download}' -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID/care-plan" || true)
		if [ "${RESULT% *}" = "200" ] && [ "${RESULT#* }" -gt "$BEST" ]; then BEST=${RESULT#* }; PLAN="$BASE/api/v1/people/$ID/care-plan"; fi
	done
	[ $SECONDS -lt $deadline ] || { echo "no demo care plan appeared in sam.jones's caseload" >&2; exit 1; }
	[ -n "$PLAN" ] || sleep 1
done
echo "plan: $(curl -s -b "JSESSIONID=$SESSION" "$PLAN" | grep -o '"description"' | wc -l) descriptions, $BEST bytes"
measure "$PLAN" "${1:-20}" "Reads through the API" "care plan, $BEST bytes"
