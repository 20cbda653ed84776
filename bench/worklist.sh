#!/usr/bin/env bash
# Worklist of a team with 2,000 open items: GET /worklist/items (the htmx fragment the page polls: open referrals to the
# reader's teams, named where the reader may open the record, plan-action queues and unread notices, merged and sorted
# by due time, first 200 shown), 4 clients (wrk -c4 -t2), over the demo partnership. Seeds N referrals (default 2000)
# from sam.jones (Older people's team) to the older adults community mental health team through the JSON API, then
# measures as lucy.brown, a member of that team.
# Usage: nice -n 10 bench/worklist.sh [seconds] [referrals]   (build first: ./mvnw -DskipTests package; needs wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
start_demo 18093
SECONDS_TO_RUN=${1:-30}
COUNT=${2:-2000}
AUTH="sam.jones:seamless-demo"
api() { curl -s -u "$AUTH" -H 'Content-Type: application/json' "$@"; }
# The demo referrals are loaded just after start-up; wait for sam.jones's.
OUTGOING=""
for _ in $(seq 1 100); do
	OUTGOING=$(curl -s -u "$AUTH" "$BASE/api/v1/referrals?box=outgoing")
	echo "$OUTGOING" | grep -q fromTeam && break
	sleep 0.5
done
FROM=$(echo "$OUTGOING" | grep -o '"fromTeam":"[^"]*"' | head -1 | cut -d'"' -f4)
TO=$(echo "$OUTGOING" | grep -o '"holder":"[^"]*"' | head -1 | cut -d'"' -f4)
if [ -z "$FROM" ] || [ -z "$TO" ]; then echo "the demo referral from sam.jones is missing" >&2; exit 1; fi
sign_in sam.jones
PEOPLE=($(caseload))
echo "seeding $COUNT referrals over ${#PEOPLE[@]} people"
for i in $(seq 1 "$COUNT"); do
	P=${PEOPLE[$((i % ${#PEOPLE[@]}))]}
	api -o /dev/null -w '%{http_code}\n' -X POST "$BASE/api/v1/referrals" -d "{\"person\":\"$P\",\"fromTeam\":\"$FROM\",\
\"toTeam\":\"$TO\",\"reasonCode\":\"SEAM-OUT-12\",\"reasonText\":\"Benchmark referral $i\",\"urgency\":\"ROUTINE\",\
\"personInformed\":true,\"personView\":\"Agrees\",\"basis\":\"CONSENT\",\"categories\":[\"GENERAL\"],\"send\":true}"
done | sort | uniq -c
sign_in lucy.brown
echo "items on the worklist: $(curl -s -b "JSESSIONID=$SESSION" "$BASE/worklist/items" | grep -o 'id="worklist-count"[^<]*')"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "$BASE/worklist/items" "$SECONDS_TO_RUN" "Worklist" "team with $COUNT open referrals"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
