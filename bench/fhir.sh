#!/usr/bin/env bash
# FHIR figures for issue 17 (see docs/fhir.md), with the client the HAPI figures in the issue were taken with: wrk,
# 4 connections on 2 threads, after a warm-up, p50/p99 from wrk's per-request latencies. Patient creates, transaction
# bundles of 20 Patients, read by id (over the Patients the reader may open), search by family + birthdate, then the
# Synthea bundles through `import fhir`. Starts target/seamless.jar on the demo partnership in a throw-away folder.
# Usage: nice -n 10 bench/fhir.sh [SECONDS] [SYNTHEA_FOLDER]   (defaults 20, ../shared/data/synthea if present,
#        else the two bundles kept in src/test/resources/fhir/synthea)
# HTTP Basic on every request, as partner systems send it: the password hash is checked once and then remembered
# for five minutes (ADR 40), so these figures do not measure bcrypt.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
SECONDS_TO_RUN=${1:-20}
SYNTHEA=${2:-$PWD/../shared/data/synthea}
[ -d "$SYNTHEA" ] || SYNTHEA=src/test/resources/fhir/synthea
RUN=$(date +%s)
start_demo 18089
echo "load average before: $(load_average)"
basic() { printf 'Authorization: Basic %s' "$(printf '%s:seamless-demo' "$1" | base64)"; }

# fhir LABEL USER URL [SCRIPT [ARGS...]]: warm-up, then the measured run; prints the rate and percentiles.
fhir() {
	local label=$1 user=$2 url=$3 script=${4:-} out
	shift 3
	[ -n "$script" ] && shift
	local lua=()
	[ -n "$script" ] && lua=(-s "bench/wrk/$script")
	wrk -t2 -c4 -d"${BENCH_WARMUP:-10}s" --timeout 30s -H "$(basic "$user")" -H 'Accept: application/fhir+json' \
		"${lua[@]}" "$url" -- "$RUN-warm" "$@" > /dev/null
	out=$(wrk -t2 -c4 -d"${SECONDS_TO_RUN}s" --timeout 30s --latency -H "$(basic "$user")" \
		-H 'Accept: application/fhir+json' "${lua[@]}" "$url" -- "$RUN" "$@")
	printf '%-30s %8s/s  p50=%-9s p99=%-9s errors=%s\n' "$label" \
		"$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')" \
		"$(echo "$out" | awk '$1 == "50%" {print $2}')" "$(echo "$out" | awk '$1 == "99%" {print $2}')" \
		"$(echo "$out" | awk '/Non-2xx or 3xx/ {n = $NF} END {print n + 0}')"
	result "FHIR" "$label" "requests/s" "$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')"
	result "FHIR" "$label" "p50" "$(echo "$out" | awk '$1 == "50%" {print $2}')"
	result "FHIR" "$label" "p99" "$(echo "$out" | awk '$1 == "99%" {print $2}')"
}

fhir "Patient create" admin "$BASE" fhir-create.lua
fhir "Bundle of 20 Patients" admin "$BASE" fhir-bundle.lua
echo "                               (Patients/s in bundles = 20 × bundles/s)"
# Reads and searches as a practitioner, over the people they may open.
ids=$(curl -s -u nina.patel:seamless-demo "$BASE/fhir/Patient?_count=100" | grep -o '"fullUrl":"[^"]*' | sed 's#.*/Patient/##')
readable=($ids)
[ ${#readable[@]} -gt 0 ] || { echo "no readable patients" >&2; exit 1; }
echo "reading over ${#readable[@]} Patients nina.patel may open"
fhir "Patient read by id" nina.patel "$BASE" fhir-read.lua "${readable[@]}"
first=$(curl -s -u nina.patel:seamless-demo "$BASE/fhir/Patient/${readable[0]}")
family=$(echo "$first" | grep -o '"family":"[^"]*' | head -1 | cut -d'"' -f4)
born=$(echo "$first" | grep -o '"birthDate":"[^"]*' | cut -d'"' -f4)
fhir "Search family + birthdate" nina.patel "$BASE/fhir/Patient?family=$family&birthdate=$born"
echo "load average after the HTTP figures: $(load_average)"
kill "$PID"; wait "$PID" 2>/dev/null || true

# Synthea bundles through the command line on the same data folder (Patients through identity matching, clinical
# history kept, the rest counted); entries/s counts every entry read, over the wall time including the JVM start.
start=$(date +%s.%N)
summary=$(java -jar "${JAR:-target/seamless.jar}" import fhir "$SYNTHEA" --as admin \
	--seamless.data-dir="$BENCH_WORK/data-18089" --logging.level.root=WARN 2>/dev/null | tail -1)
wall=$(echo "$(date +%s.%N) - $start" | bc)
echo "$summary"
entries=$(echo "$summary" | sed 's/.*resources {\([^}]*\)}.*/\1/' | tr ',' '\n' | cut -d= -f2 | paste -sd+ | bc)
echo "Synthea import ($SYNTHEA): $entries entries in $wall s, $(echo "$entries / $wall" | bc) entries/s (includes the JVM and application start)"
echo "load average after: $(load_average)"
