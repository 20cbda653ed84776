#!/usr/bin/env bash
# Soak: a mixed workload for 30 minutes (default) against the demo partnership, reporting every 5 minutes the requests
# served, the errors (any status >= 400 that the workload did not ask for; must be 0), latency percentiles for that
# window and the heap in use after a full GC (must stay flat).
#   reads:    wrk, 4 clients, over a person's record (API), the search API and the caseload page (bench/soak-mix.lua)
#   writes:   one client adding a case-note entry to a person's record in a loop
#   imports:  one client uploading a 20-person CSV to /people/import as the administrator every 10 s
# Usage: bench/soak.sh [window-seconds [windows]]   (build first: ./mvnw -DskipTests package; needs wrk and jcmd)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
WINDOW=${1:-300}
WINDOWS=${2:-6}

start_demo 18097
sign_in nina.patel
READER=$SESSION
# The demo loads just after the server reports healthy: wait (up to 5 minutes) for the reader's caseload.
for _ in $(seq 1 600); do ID=$(caseload | head -1); [ -n "$ID" ] && break; sleep 0.5; done
[ -n "$ID" ] || { echo "the demo caseload never appeared" >&2; exit 1; }
BENCH_COOKIES=$(mktemp /tmp/seamless-cookies-XXXX); sign_in nina.patel; WRITER=$SESSION
WRITER_JAR=$BENCH_COOKIES
BENCH_COOKIES=$(mktemp /tmp/seamless-cookies-XXXX); sign_in admin; IMPORTER=$SESSION
IMPORTER_JAR=$BENCH_COOKIES
LOG=$(mktemp -d /tmp/seamless-soak-XXXX)

# writer: a case note per iteration; counts failures (anything but the redirect after saving)
(
	set +e +o pipefail # a failed request is counted, not fatal
	ok=0; failed=0
	while true; do
		token=$(curl -s -b "JSESSIONID=$WRITER" "$BASE/people/$ID/entries/new" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
		code=$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$WRITER" \
			--data-urlencode "category=GENERAL" --data-urlencode "title=Soak note" \
			--data-urlencode "body=Visited, all well." --data-urlencode "_csrf=$token" "$BASE/people/$ID/entries")
		if [ "$code" = 302 ]; then ok=$((ok+1)); else failed=$((failed+1)); fi
		echo "$ok $failed" > "$LOG/writes"
	done
) &
WRITER_PID=$!

# importer: 20 new people per file, a different family name each time so every run registers them
(
	set +e +o pipefail
	ok=0; failed=0; n=0
	while true; do
		n=$((n+1)); csv="$LOG/import.csv"
		echo "given_name,family_name,date_of_birth,postcode" > "$csv"
		for i in $(seq 1 20); do echo "Soak$i,Importer$n,1950-01-$(printf %02d $(( (i % 28) + 1 ))),RV1 2AB" >> "$csv"; done
		token=$(curl -s -b "JSESSIONID=$IMPORTER" "$BASE/people/import" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
		code=$(curl -s -o "$LOG/import.html" -w '%{http_code}' -b "JSESSIONID=$IMPORTER" -F "file=@$csv;type=text/csv" \
			-F "_csrf=$token" "$BASE/people/import")
		if [ "$code" = 200 ] && ! grep -q 'govuk-error-summary' "$LOG/import.html"; then ok=$((ok+1)); else failed=$((failed+1)); fi
		echo "$ok $failed" > "$LOG/imports"
		sleep 10
	done
) &
IMPORTER_PID=$!
trap 'kill $WRITER_PID $IMPORTER_PID $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$BENCH_DIR" "$LOG" "$WRITER_JAR" "$IMPORTER_JAR"; true' EXIT

cat > "$LOG/mix.lua" <<LUA
local paths = { "/api/v1/people/$ID", "/api/v1/people?q=smi", "/" }
local i = 0
request = function()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

echo "started $(date -u +%H:%M:%S) UTC; load averages before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
printf '%-8s %10s %8s %8s %8s %8s %12s %10s %10s %s\n' minute requests errors p50 p90 p99 writes imports heap_MB load_1_5_15
for w in $(seq 1 "$WINDOWS"); do
	# A 30 s timeout: on a busy machine a slow answer is latency to report, not a lost request.
	out=$(wrk -t2 -c4 -d"${WINDOW}s" --timeout 30s --latency -s "$LOG/mix.lua" -H "Cookie: JSESSIONID=$READER" "$BASE")
	requests=$(echo "$out" | awk '/requests in/ {print $1}')
	errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {print $NF}'); errors=${errors:-0}
	socket=$(echo "$out" | awk '/Socket errors/ {print $0}')
	p50=$(echo "$out" | awk '$1=="50%" {print $2}'); p90=$(echo "$out" | awk '$1=="90%" {print $2}'); p99=$(echo "$out" | awk '$1=="99%" {print $2}')
	jcmd "$PID" GC.run >/dev/null
	heap=$(jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9)
	printf '%-8s %10s %8s %8s %8s %8s %12s %10s %10s %s %s\n' "$((w * WINDOW / 60))" "$requests" "$errors" "$p50" "$p90" "$p99" \
		"$(tr ' ' / 2>/dev/null < "$LOG/writes")" "$(tr ' ' / 2>/dev/null < "$LOG/imports")" "$((heap / 1024))" \
		"$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' /)" "$socket"
done
echo "writes and imports: ok/failed (failed must be 0); heap in use after a full GC; ended $(date -u +%H:%M:%S) UTC"
