#!/usr/bin/env bash
# Online matching in the product (docs/benchmarks.md, "Identity matching in the product"): Matching.check end to end
# (candidate query, scoring, audit entry) against a population generated in SQL, on the application's embedded
# PostgreSQL with its durable default settings, in a new data folder. Runs the hand-run main
# care.seamless.linkage.MatchingBenchmark from the test classes.
# Usage: bench/matching.sh [people [queries]]   (default 1,000,000 people, 2,000 timed queries after 300 warm-up)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
PEOPLE=${1:-1000000}
QUERIES=${2:-2000}
./mvnw -B -o -q test-compile dependency:build-classpath -Dmdep.outputFile="$BENCH_WORK/cp.txt" -Dmdep.includeScope=test > /dev/null
before=$(load_average)
java -Xmx1g -cp "target/classes:target/test-classes:$(cat "$BENCH_WORK/cp.txt")" care.seamless.linkage.MatchingBenchmark \
	"$BENCH_WORK/match-data" "$PEOPLE" "$QUERIES" 2> "$BENCH_WORK/matching.err" > "$BENCH_WORK/matching.out" &
bench_track $!
wait $! || { tail -30 "$BENCH_WORK/matching.err" >&2; exit 1; }
cat "$BENCH_WORK/matching.out"
out="$BENCH_WORK/matching.out"
get() { grep -o "$1=[0-9.]*" "$out" | head -1 | cut -d= -f2; }
FIGURE="Identity matching in the product"
ROW="fresh database, durable settings"
result "$FIGURE" "$ROW" people "$(get people)"
result "$FIGURE" "$ROW" "generate s" "$(get generate-seconds)"
result "$FIGURE" "$ROW" queries "$(get queries)"
result "$FIGURE" "$ROW" "possible matches found" "$(get possible-matches)"
for q in p50 p95 p99 max; do result "$FIGURE" "$ROW" "$q ms" "$(get "$q-ms")"; done
result "$FIGURE" "$ROW" "load average before / after" "$before – $(load_average)"
