#!/usr/bin/env bash
# `import fhir` speed (issue 17, docs/benchmarks.md): each jar given imports, on its own copy of one demo data folder,
# the Synthea bundles and then COPIES copies of them with new identities (bench/synthea-copies.py, in /tmp), then the
# Synthea bundles again (idempotent: nothing new). Start-up is measured on its own (an import of an empty folder:
# the JVM, Spring, the database, migrations), so "import" is the wall time less that start-up.
# Usage: nice -n 10 bench/fhir-import.sh [COPIES] [JAR...]   (defaults 20, target/seamless.jar; COPIES 0: no copies)
#   SYNTHEA_DIR  the Synthea bundles (default ../shared/data/synthea, else the copies under src/test/resources)
#   FHIR_IMPORT_TEMPLATE  a data folder with the demo partnership already loaded (else one is made first)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
COPIES=${1:-20}
shift || true
JARS=("$@")
[ ${#JARS[@]} -gt 0 ] || JARS=(target/seamless.jar)
SYNTHEA=${SYNTHEA_DIR:-$PWD/../shared/data/synthea}
[ -d "$SYNTHEA" ] || SYNTHEA=src/test/resources/fhir/synthea
CORPUS=/tmp/fhir-import-corpus-$COPIES
[ "$COPIES" = 0 ] || [ -d "$CORPUS" ] || python3 bench/synthea-copies.py "$SYNTHEA" "$CORPUS" "$COPIES"
mkdir -p "$BENCH_WORK/empty"

# The demo partnership (the admin account) once, from the first jar, loaded by the command itself; every jar starts
# from a copy of it.
if [ -n "${FHIR_IMPORT_TEMPLATE:-}" ]; then
	cp -a "$FHIR_IMPORT_TEMPLATE" "$BENCH_WORK/template"
else
	java -jar "${JARS[0]}" import fhir "$BENCH_WORK/empty" --as admin --seamless.demo=true \
		--seamless.data-dir="$BENCH_WORK/template" --logging.level.root=WARN > "$BENCH_WORK/template.log" 2>&1
fi

entries() { echo "$1" | sed 's/.*resources {\([^}]*\)}.*/\1/' | tr ',' '\n' | cut -d= -f2 | paste -sd+ | bc; }

# run JAR DATA PATH: prints "seconds<TAB>summary line".
run() {
	local start summary
	start=$(date +%s.%N)
	summary=$(java -jar "$1" import fhir "$3" --as admin --seamless.data-dir="$2" --logging.level.root=WARN 2>/dev/null | tail -1)
	printf '%s\t%s\n' "$(echo "$(date +%s.%N) - $start" | bc)" "$summary"
}

for jar in "${JARS[@]}"; do
	data="$BENCH_WORK/data-$(basename "$jar" .jar)"
	cp -a "$BENCH_WORK/template" "$data"
	run "$jar" "$data" "$BENCH_WORK/empty" > /dev/null # migrations of this jar, once
	echo "== $jar (load average $(load_average))"
	startup=$(run "$jar" "$data" "$BENCH_WORK/empty" | cut -f1)
	echo "start-up (empty folder): $startup s"
	labels=(synthea corpus again)
	[ "$COPIES" != 0 ] || labels=(synthea again)
	for label in "${labels[@]}"; do
		case $label in synthea | again) path=$SYNTHEA ;; corpus) path=$CORPUS ;; esac
		IFS=$'\t' read -r wall summary < <(run "$jar" "$data" "$path")
		n=$(entries "$summary")
		echo "$label: $summary"
		printf '  %s entries in %.1f s: %.0f entries/s with JVM start, %.0f entries/s import only (%.1f s)\n' \
			"$n" "$wall" "$(echo "$n / $wall" | bc -l)" "$(echo "$n / ($wall - $startup)" | bc -l)" \
			"$(echo "$wall - $startup" | bc -l)"
	done
	echo "load average after: $(load_average)"
done
