#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health reporting UP, on the embedded database with its durable default settings.
#   cold: a new data folder (initdb + all migrations), binaries already extracted
#   warm: the same data folder again
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
RUNS=${1:-3}

# start_and_time DIR: sets ELAPSED to the seconds until UP, then stops the server (as an operator would: SIGTERM).
start_and_time() {
	local begin end
	begin=$(date +%s.%N)
	start_server 18089 "$1"
	end=$(date +%s.%N)
	kill "$PID"; wait "$PID" 2>/dev/null || true
	ELAPSED=$(echo "$end - $begin" | bc)
}

for i in $(seq "$RUNS"); do
	dir="$BENCH_WORK/run-$i"
	before=$(load_average)
	start_and_time "$dir"; cold=$ELAPSED
	start_and_time "$dir"; warm=$ELAPSED
	rm -rf "$dir" "$dir.log"
	printf 'run %d: cold %.2f s, warm %.2f s (load average %s)\n' "$i" "$cold" "$warm" "$before"
	result "Start-up" "$i" cold "$(printf '%.2f s' "$cold")"
	result "Start-up" "$i" warm "$(printf '%.2f s' "$warm")"
	result "Start-up" "$i" "load average before" "$before"
done
