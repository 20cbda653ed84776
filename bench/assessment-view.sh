#!/usr/bin/env bash
# Assessment findings throughput: GET /api/v1/people/{id}/assessments/{episode}/findings (access check, audit write,
# every answer the viewer may see with provenance and disagreements, in their words), 4 clients (wrk -c4 -t2), over the
# demo partnership as the social worker sam.jones (who reads the nurse's answers across organisations).
# Usage: bench/assessment-view.sh [seconds]   (build first: ./mvnw -DskipTests package; needs wrk)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
start_demo 18091
sign_in sam.jones
# The demo assessments are loaded just after start-up; find a person of sam.jones's caseload who has one.
FINDINGS=""
deadline=$((SECONDS + 600))
until [ -n "$FINDINGS" ]; do
	for ID in $(caseload); do
		EP=$(curl -s -b "JSESSIONID=$SESSION" "$BASE/api/v1/people/$ID/assessments" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4 || true)
		if [ -n "$EP" ]; then FINDINGS="$BASE/api/v1/people/$ID/assessments/$EP/findings"; break; fi
	done
	[ $SECONDS -lt $deadline ] || { echo "no demo assessment appeared in sam.jones's caseload" >&2; exit 1; }
	[ -n "$FINDINGS" ] || sleep 1
done
ANSWERS=$(curl -s -b "JSESSIONID=$SESSION" "$FINDINGS" | grep -o '"question"' | wc -l)
echo "answers per request: $ANSWERS"
ROW="assessment findings, $ANSWERS answers"
measure "$FINDINGS" "${1:-20}" "Reads through the API" "$ROW"
