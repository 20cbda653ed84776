#!/usr/bin/env bash
# Identity matching (docs/benchmarks.md, "Identity matching"): quality and time of `link evaluate` on the public data
# sets in ../shared/data, or $SHARED_DATA (skipped with a message when not there), and `link bench` on synthetic people.
# No database is involved, so the database settings do not matter here.
# Usage: bench/linkage.sh [--no-million]   (build first: ./mvnw -DskipTests package)
#   --no-million  leave out `link bench --records 1000000` (about 2 minutes and 6 GB on a quiet 2-core machine)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
JAR=${JAR:-target/seamless.jar}
D=${SHARED_DATA:-../shared/data}
MILLION=1
[ "${1:-}" = --no-million ] && MILLION=0
FIGURE="Identity matching: quality and time on real data sets"

# run NAME ARGS...: runs the jar, keeps its report (progress bars go to standard error) and the wall time.
run() {
	local name=$1
	shift
	/usr/bin/time -f 'wall=%e max-rss-kb=%M' -o "$BENCH_WORK/$name.time" java "$@" > "$BENCH_WORK/$name.out" 2> /dev/null \
		|| { echo "$name failed" >&2; exit 1; }
	cat "$BENCH_WORK/$name.out" "$BENCH_WORK/$name.time"
}
# field FILE PATTERN KEY: the value of KEY=… on the first line of FILE matching PATTERN.
field() { grep -m1 -E "$2" "$1" | grep -o "$3=[^ ,)]*" | head -1 | cut -d= -f2; }

evaluate() {
	local name=$1 row=$2
	shift 2
	run "$name" -jar "$JAR" link evaluate "$@"
	local out="$BENCH_WORK/$name.out"
	result "$FIGURE" "$row" "records" "$(field "$out" '^records=' records)"
	result "$FIGURE" "$row" "true pairs" "$(field "$out" '^true-pairs=' true-pairs)"
	result "$FIGURE" "$row" "candidate pairs (≤)" "$(field "$out" '^records=' 'candidate-pairs<')"
	result "$FIGURE" "$row" "blocking recall" "$(grep -o 'blocking recall [0-9][0-9.]*' "$out" | head -1 | awk '{print $3}')"
	result "$FIGURE" "$row" "pairs P / R / F1" "$(awk '/^pairwise precision/ {sub("precision=","",$2); sub("recall=","",$3); sub("f1=","",$4); print $2 " / " $3 " / " $4}' "$out")"
	result "$FIGURE" "$row" "people P / R / F1" "$(awk '/^precision=/ {sub("precision=","",$1); sub("recall=","",$2); sub("f1=","",$3); print $1 " / " $2 " / " $3}' "$out")"
	result "$FIGURE" "$row" "seconds (in command)" "$(grep '^precision=' "$out" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)"
	result "$FIGURE" "$row" "wall incl. JVM" "$(field "$BENCH_WORK/$name.time" wall wall)"
}

if [ -d "$D/febrl" ] && [ -d "$D/splink-persons" ]; then
	evaluate febrl4 "FEBRL4 (4a × 4b), join" --left "$D/febrl/dataset4a.csv" --right "$D/febrl/dataset4b.csv" --febrl
	evaluate febrl1 "FEBRL dataset1, dedupe" --input "$D/febrl/dataset1.csv" --febrl
	evaluate febrl2 "FEBRL dataset2, dedupe" --input "$D/febrl/dataset2.csv" --febrl
	evaluate fake1000 "Splink fake_1000, dedupe" --input "$D/splink-persons/fake_1000.csv" --truth-column cluster
else
	echo "$D not found: the real data sets are skipped (they live in the shared folder beside the repository)"
fi

FIGURE="Identity matching: synthetic deduplication (link bench)"
bench() {
	local records=$1
	shift
	run "bench-$records" "$@" -jar "$JAR" link bench --records "$records"
	local out="$BENCH_WORK/bench-$records.out" row
	row=$(printf "%'d" "$records")
	result "$FIGURE" "$row" "candidate pairs (≤)" "$(field "$out" '^records=' 'candidate-pairs<')"
	result "$FIGURE" "$row" "prepare + index s" "$(field "$out" '^records=' prepare-seconds)"
	result "$FIGURE" "$row" "train s" "$(field "$out" '^train-seconds' train-seconds)"
	result "$FIGURE" "$row" "score s" "$(field "$out" '^score-seconds' score-seconds)"
	result "$FIGURE" "$row" "link total s" "$(grep '^precision=' "$out" | grep -o 'seconds=[0-9.]*' | cut -d= -f2)"
	result "$FIGURE" "$row" "process wall" "$(field "$BENCH_WORK/bench-$records.time" wall wall) s"
	result "$FIGURE" "$row" "peak RSS" "$(awk -F'max-rss-kb=' '{printf "%.1f GB", $2 / 1048576}' "$BENCH_WORK/bench-$records.time")"
	result "$FIGURE" "$row" "pairs P / R / F1" "$(awk '/^pairwise precision/ {sub("precision=","",$2); sub("recall=","",$3); sub("f1=","",$4); print $2 " / " $3 " / " $4}' "$out")"
	result "$FIGURE" "$row" "people P / R / F1" "$(awk '/^precision=/ {sub("precision=","",$1); sub("recall=","",$2); sub("f1=","",$3); print $1 " / " $2 " / " $3}' "$out")"
	result "$FIGURE" "$row" "single-pair score µs" "$(field "$out" '^single-pair' single-pair-score-microseconds)"
}
bench 100000
[ "$MILLION" = 0 ] || bench 1000000 -Xmx6g
