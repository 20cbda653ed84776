#!/usr/bin/env bash
# Soak: a mixed workload against the demo partnership on the durable database settings (the jar's defaults), for 30
# minutes unless told otherwise, reporting after each window (5 minutes; 1 minute for runs shorter than 10 minutes):
# the reads served, the errors (any answer the workload did not expect, and any connection error or timeout: must be
# 0), the reads' p50/p90/p99 latency in that window, the writes and imports so far (ok/failed), the heap in use after
# a full GC (must stay flat) and the load averages.
#   reads:    wrk, 4 clients, over a person's record (API), the search API and the caseload page in turn
#   writes:   one client adding a case note to a person's record in a loop (a page read for the form, then the POST)
#   imports:  one administrator uploading a 20-person CSV to /people/import every 10 s
# Exits 0 when the whole run had no error, 1 otherwise (2 for a bad option). Stops everything it started, and removes
# its data folder, however it ends (Ctrl-C and kill included). The table and the figures are kept in
# target/bench/soak-<UTC time>/ (table.txt, results.tsv: bench/tables.sh reads it).
# Usage: bench/soak.sh [--minutes N] [--window-seconds S]   (build first: ./mvnw -DskipTests package; needs wrk, jcmd)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
MINUTES=30
WINDOW=""
while [ $# -gt 0 ]; do
	case $1 in
		--minutes) MINUTES=$2; shift ;;
		--window-seconds) WINDOW=$2; shift ;;
		*) echo "usage: bench/soak.sh [--minutes N] [--window-seconds S]" >&2; exit 2 ;;
	esac
	shift
done
[[ "$MINUTES" =~ ^[1-9][0-9]*$ ]] || { echo "--minutes takes a whole number of minutes" >&2; exit 2; }
if [ -z "$WINDOW" ]; then if [ "$MINUTES" -lt 10 ]; then WINDOW=60; else WINDOW=300; fi; fi
WINDOWS=$(( (MINUTES * 60 + WINDOW - 1) / WINDOW ))
OUT="$PWD/target/bench/soak-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT"
export BENCH_RESULTS="$OUT/results.tsv"
echo "# Soak by bench/soak.sh, $MINUTES minutes in windows of $WINDOW s, from $(date -u '+%F %H:%M') UTC, commit $(git rev-parse --short HEAD)." > "$BENCH_RESULTS"
unset BENCH_SERVER

echo "load averages before the server starts: $(load_average); $(nproc) cores"
start_demo 18097
sign_in nina.patel
ID=$(caseload | head -1)
READER=$SESSION
sign_in nina.patel; WRITER=$SESSION
sign_in admin; IMPORTER=$SESSION
LOG="$BENCH_WORK/soak"
mkdir -p "$LOG"
echo "0 0" > "$LOG/writes"
echo "0 0" > "$LOG/imports"

# writer: a case note per iteration; anything but the redirect after saving is a failure (counted, not fatal).
(
	set +e +o pipefail
	ok=0; failed=0
	while true; do
		token=$(SESSION=$WRITER csrf "/people/$ID/entries/new")
		code=$(curl -s -o /dev/null -m 60 -w '%{http_code}' -b "JSESSIONID=$WRITER" \
			--data-urlencode "category=GENERAL" --data-urlencode "title=Soak note" \
			--data-urlencode "body=Visited, all well." --data-urlencode "_csrf=$token" "$BASE/people/$ID/entries")
		if [ "$code" = 302 ]; then ok=$((ok + 1)); else failed=$((failed + 1)); echo "write: HTTP $code" >> "$LOG/failures"; fi
		echo "$ok $failed" > "$LOG/writes.new" && mv "$LOG/writes.new" "$LOG/writes"
	done
) &
bench_track $!

# importer: 20 new people per file, a different family name each time so every run registers them.
(
	set +e +o pipefail
	ok=0; failed=0; n=0
	while true; do
		n=$((n + 1)); csv="$LOG/import.csv"
		echo "given_name,family_name,date_of_birth,postcode" > "$csv"
		for i in $(seq 1 20); do echo "Soak$i,Importer$n,1950-01-$(printf %02d $(( (i % 28) + 1 ))),RV1 2AB" >> "$csv"; done
		token=$(SESSION=$IMPORTER csrf /people/import)
		code=$(curl -s -o "$LOG/import.html" -m 120 -w '%{http_code}' -b "JSESSIONID=$IMPORTER" \
			-F "file=@$csv;type=text/csv" -F "_csrf=$token" "$BASE/people/import")
		if [ "$code" = 200 ] && ! grep -q 'govuk-error-summary' "$LOG/import.html"; then ok=$((ok + 1)); else
			failed=$((failed + 1)); echo "import: HTTP $code" >> "$LOG/failures"; fi
		echo "$ok $failed" > "$LOG/imports.new" && mv "$LOG/imports.new" "$LOG/imports"
		sleep 10
	done
) &
bench_track $!

cat > "$LOG/mix.lua" <<LUA
local paths = { "/api/v1/people/$ID", "/api/v1/people?q=smi", "/" }
local i = 0
request = function()
	i = i + 1
	return wrk.format("GET", paths[(i % #paths) + 1])
end
LUA

heap_mb() {
	jcmd "$PID" GC.run > /dev/null
	jcmd "$PID" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | tr -dc 0-9 | awk '{printf "%d", $1 / 1024}'
}

FIGURE="Soak: $MINUTES minutes of mixed work"
echo "started $(date -u +%H:%M:%S) UTC; heap after a full GC before the load: $(heap_mb) MB" | tee "$OUT/table.txt"
printf '%-7s %9s %7s %9s %9s %9s %11s %10s %8s %s\n' minute reads errors p50 p90 p99 writes imports heap_MB load_1/5/15 | tee -a "$OUT/table.txt"
READ_ERRORS=0
for w in $(seq 1 "$WINDOWS"); do
	# In the background, so a Ctrl-C or kill stops the run at once rather than at the end of the window. A 30 s timeout:
	# on a busy machine a slow answer is latency to report, not a lost request.
	wrk -t2 -c4 -d"${WINDOW}s" --timeout 30s --latency -s "$LOG/mix.lua" -H "Cookie: JSESSIONID=$READER" "$BASE" > "$LOG/wrk.out" &
	wait $!
	out=$(cat "$LOG/wrk.out")
	reads=$(echo "$out" | awk '/requests in/ {print $1}')
	errors=$(echo "$out" | awk '/Non-2xx or 3xx/ {n += $NF} /Socket errors/ {gsub(",", ""); n += $4 + $6 + $8 + $10} END {print n + 0}')
	READ_ERRORS=$((READ_ERRORS + errors))
	p50=$(echo "$out" | awk '$1 == "50%" {print $2}'); p90=$(echo "$out" | awk '$1 == "90%" {print $2}'); p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
	heap=$(heap_mb)
	minute=$(( w * WINDOW / 60 ))
	writes=$(tr ' ' / < "$LOG/writes"); imports=$(tr ' ' / < "$LOG/imports")
	printf '%-7s %9s %7s %9s %9s %9s %11s %10s %8s %s\n' "$minute" "$reads" "$errors" "$p50" "$p90" "$p99" "$writes" "$imports" "$heap" "$(load_average)" | tee -a "$OUT/table.txt"
	for column in "reads served:$reads" "read errors:$errors" "p50:$p50" "p90:$p90" "p99:$p99" "writes ok/failed (total):$writes" \
		"imports ok/failed (total):$imports" "heap after GC (MB):$heap" "load 1/5/15:$(load_average)"; do
		result "$FIGURE" "$minute" "${column%%:*}" "${column#*:}"
	done
done

read -r WRITES_OK WRITES_FAILED < "$LOG/writes"
read -r IMPORTS_OK IMPORTS_FAILED < "$LOG/imports"
ERRORS=$((READ_ERRORS + WRITES_FAILED + IMPORTS_FAILED))
{
	echo "ended $(date -u +%H:%M:%S) UTC. writes and imports: ok/failed (failed must be 0); heap in use after a full GC."
	echo "errors: $ERRORS ($READ_ERRORS reads, $WRITES_FAILED writes, $IMPORTS_FAILED imports); $WRITES_OK case notes and $IMPORTS_OK imports saved"
	[ ! -f "$LOG/failures" ] || sort "$LOG/failures" | uniq -c
	[ "$WRITES_OK" -gt 0 ] && [ "$IMPORTS_OK" -gt 0 ] || echo "no write or no import succeeded: the workload did not run"
} | tee -a "$OUT/table.txt"
echo "table and figures: $OUT"
[ "$ERRORS" = 0 ] && [ "$WRITES_OK" -gt 0 ] && [ "$IMPORTS_OK" -gt 0 ]
