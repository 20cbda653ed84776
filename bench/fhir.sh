#!/usr/bin/env bash
# FHIR figures for issue 17 (see docs/fhir.md): Patient creates with 4 clients, transaction bundles of 20 Patients,
# read by id, search by family + birthdate, each with p50/p99 from per-request timings (curl), then the Synthea import
# through the command line. Starts target/seamless.jar on the demo partnership in a throw-away data folder.
# Usage: nice -n 10 bench/fhir.sh [CREATES] [BUNDLES] [READS]     (defaults 400, 20, 400)
# Note: HTTP Basic checks the password (bcrypt) on every request, so these figures include that cost; partner
# systems with bearer tokens do not pay it.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
CREATES=${1:-400}
BUNDLES=${2:-20}
READS=${3:-400}
RUN=$(date +%s)
start_demo 18089
OUT=$(mktemp -d /tmp/seamless-fhir-bench-XXXX)
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# p LABEL FILE SECONDS: count, rate and percentiles of the per-request times (seconds) in FILE.
p() {
	sort -n "$2" | awk -v label="$1" -v wall="$3" '{t[NR]=$1} END {
		printf "%-28s n=%d  %.0f/s  p50=%.1f ms  p99=%.1f ms\n", label, NR, NR/wall, t[int(NR*0.50)+1]*1000, t[int(NR*0.99)+1]*1000 }'
}
patient() { # ID FAMILY
	printf '{"resourceType":"Patient","id":"%s","meta":{"source":"urn:bench:%s"},"name":[{"use":"official","family":"%s","given":["Bea"]}],"gender":"female","birthDate":"1950-0%d-1%d"}' \
		"$1" "$RUN" "$2" $(( ($RANDOM % 9) + 1 )) $(( $RANDOM % 9 ))
}
post() { # PATH BODY OUTFILE
	curl -s -o /dev/null -w '%{time_total}\n' -u admin:seamless-demo -H 'Content-Type: application/fhir+json' \
		-d "$2" "$BASE/fhir$1" >>"$3"
}

# Creates: 4 clients, each its own share.
start=$(date +%s.%N)
for c in 1 2 3 4; do
	( for i in $(seq 1 $((CREATES / 4))); do post /Patient "$(patient "c$c-$i" "Benchcreate")" "$OUT/create.$c"; done ) &
done
wait
cat "$OUT"/create.* >"$OUT/create"
p "Patient create (4 clients)" "$OUT/create" "$(echo "$(date +%s.%N) - $start" | bc)"

# Transaction bundles of 20 Patients, one client.
start=$(date +%s.%N)
for b in $(seq 1 "$BUNDLES"); do
	entries=""
	for i in $(seq 1 20); do
		entries="$entries${entries:+,}{\"fullUrl\":\"urn:uuid:$(cat /proc/sys/kernel/random/uuid)\",\"resource\":$(patient "b$b-$i" "Benchbundle"),\"request\":{\"method\":\"POST\",\"url\":\"Patient\"}}"
	done
	post "" "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[$entries]}" "$OUT/bundle"
done
wall=$(echo "$(date +%s.%N) - $start" | bc)
p "Bundle of 20 (per bundle)" "$OUT/bundle" "$wall"
echo "                             $(echo "$BUNDLES * 20 / $wall" | bc) Patients/s in bundles"

# Reads and searches as a practitioner, over the people they may open.
ids=$(curl -s -u nina.patel:seamless-demo "$BASE/fhir/Patient?_count=100" | grep -o '"fullUrl":"[^"]*' | sed 's#.*/Patient/##')
readable=($ids)
[ ${#readable[@]} -gt 0 ] || { echo "no readable patients"; exit 1; }
start=$(date +%s.%N)
for i in $(seq 1 "$READS"); do
	id=${readable[$((i % ${#readable[@]}))]}
	curl -s -o /dev/null -w '%{time_total}\n' -u nina.patel:seamless-demo "$BASE/fhir/Patient/$id" >>"$OUT/read"
done
p "Patient read by id" "$OUT/read" "$(echo "$(date +%s.%N) - $start" | bc)"
first=$(curl -s -u nina.patel:seamless-demo "$BASE/fhir/Patient/${readable[0]}")
family=$(echo "$first" | grep -o '"family":"[^"]*' | head -1 | cut -d'"' -f4)
born=$(echo "$first" | grep -o '"birthDate":"[^"]*' | cut -d'"' -f4)
start=$(date +%s.%N)
for i in $(seq 1 "$READS"); do
	curl -s -o /dev/null -w '%{time_total}\n' -u nina.patel:seamless-demo \
		"$BASE/fhir/Patient?family=$family&birthdate=$born" >>"$OUT/search"
done
p "Search family + birthdate" "$OUT/search" "$(echo "$(date +%s.%N) - $start" | bc)"
kill $PID; wait $PID 2>/dev/null || true

# Synthea bundles through the command line on the same data folder (Patients through identity matching, clinical
# history kept, the rest counted); entries/s counts every entry read, over the wall time including the JVM start.
start=$(date +%s.%N)
summary=$(java -jar "${JAR:-target/seamless.jar}" import fhir /work/shared/data/synthea --as admin \
	--seamless.data-dir="$BENCH_WORK/data-18089" --logging.level.root=WARN 2>/dev/null | tail -1)
wall=$(echo "$(date +%s.%N) - $start" | bc)
echo "$summary"
entries=$(echo "$summary" | sed 's/.*resources {\([^}]*\)}.*/\1/' | tr ',' '\n' | cut -d= -f2 | paste -sd+ | bc)
echo "Synthea import: $entries entries in $wall s, $(echo "$entries / $wall" | bc) entries/s (includes the JVM and application start)"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$OUT"
