#!/usr/bin/env bash
# Time from `java -jar` to /actuator/health reporting UP, on the embedded database.
#   cold: a new data directory (initdb + all migrations), binaries already extracted
#   warm: the same data directory again
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=18089
JAR=target/seamless.jar

start_and_time() {
	local dir=$1 begin end pid
	begin=$(date +%s.%N)
	java -jar "$JAR" --server.port=$PORT --seamless.data-dir="$dir" --logging.level.root=WARN >/dev/null 2>&1 &
	pid=$!
	until curl -fs "http://localhost:$PORT/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
		if ! kill -0 $pid 2>/dev/null; then echo "server died" >&2; exit 1; fi
		sleep 0.05
	done
	end=$(date +%s.%N)
	kill $pid; wait $pid 2>/dev/null || true
	echo "$end - $begin" | bc
}

for i in $(seq "$RUNS"); do
	dir=$(mktemp -d /tmp/seamless-bench-XXXX)
	cold=$(start_and_time "$dir")
	warm=$(start_and_time "$dir")
	rm -rf "$dir"
	printf 'run %d: cold %.2f s, warm %.2f s\n' "$i" "$cold" "$warm"
done
