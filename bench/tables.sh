#!/usr/bin/env bash
# Turns a results file of bench/all.sh (lines "figure<TAB>row<TAB>column<TAB>value") into Markdown tables in the shape
# of docs/benchmarks.md: one table per figure, a row per run or request, a column per measure, in the order measured.
# Usage: bench/tables.sh [target/bench/run-…/results.tsv]   (default: the newest run's)
set -euo pipefail
cd "$(dirname "$0")/.."
FILE=${1:-$(ls -td target/bench/run-*/ 2> /dev/null | head -1)results.tsv}
[ -n "$FILE" ] && [ -f "$FILE" ] || { echo "no results file (run bench/all.sh first)" >&2; exit 1; }
awk -F'\t' '
	/^#/ { print substr($0, 3); next }
	!($1 in seen) { seen[$1] = 1; figures[++nf] = $1 }
	!(($1, $2) in hasrow) { hasrow[$1, $2] = 1; rows[$1, ++nr[$1]] = $2 }
	!(($1, $3) in hascol) { hascol[$1, $3] = 1; cols[$1, ++nc[$1]] = $3 }
	{ value[$1, $2, $3] = $4 }
	END {
		for (f = 1; f <= nf; f++) {
			name = figures[f]
			printf "\n### %s\n\n| |", name
			for (c = 1; c <= nc[name]; c++) printf " %s |", cols[name, c]
			printf "\n| --- |"
			for (c = 1; c <= nc[name]; c++) printf " ---: |"
			printf "\n"
			for (r = 1; r <= nr[name]; r++) {
				row = rows[name, r]
				printf "| %s |", row
				for (c = 1; c <= nc[name]; c++) {
					v = value[name, row, cols[name, c]]
					printf " %s |", (v == "" ? "–" : v)
				}
				printf "\n"
			}
		}
	}' "$FILE"
