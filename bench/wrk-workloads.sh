#!/usr/bin/env bash
# The `bench` workloads of issue 21 with the client the issue's HAPI figures were taken with: wrk, 4 connections on
# 2 threads, against a server already running on a generated population. The requests are those `bench` makes (the
# same paths over the same practitioners' caseloads), so the two clients can be compared on the same server; wrk's
# own CPU per request is a fraction of the Java client's.
# Usage: bench/wrk-workloads.sh URL PASSWORD [SECONDS [WORKLOAD...]]
#   WORKLOAD: view search plan assessment fhir-read fhir-search (default all); users staff1..staff4 (BENCH_USERS).
# Prints wrk's report for each and, for each, a line "workload=W client=wrk ops_per_s=X p50_ms=Y p99_ms=Z errors=N".
set -euo pipefail
. "$(dirname "$0")/lib.sh"
BASE=${1:?URL of a running server}
BENCH_PASSWORD=${2:?password of the generated accounts}
SECONDS_TO_RUN=${3:-20}
shift $(( $# > 3 ? 3 : $# ))
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(view search plan assessment fhir-read fhir-search)
USERS=(${BENCH_USERS:-staff1 staff2 staff3 staff4})

# Every request file: one line per request, "SESSION PATH" (pages and API) or "- PATH" (FHIR, Basic credentials).
for user in "${USERS[@]}"; do
	sign_in "$user"
	for id in $(caseload); do
		printf '%s /api/v1/people/%s\n' "$SESSION" "$id" >> "$BENCH_WORK/view"
		record=$(curl -s -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people/$id")
		jq -r --arg s "$SESSION" '.details | select(.familyName != null and .dateOfBirth != null)
			| "\($s) /api/v1/people?q=\(.familyName + " " + .dateOfBirth | @uri)"' <<< "$record" >> "$BENCH_WORK/search" || true
		episode=$(curl -s -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people/$id/assessments" \
			| grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4 || true)
		[ -n "$episode" ] && printf '%s /api/v1/people/%s/assessments/%s/findings\n' "$SESSION" "$id" "$episode" \
			>> "$BENCH_WORK/assessment"
		[ "$(curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" -H 'Accept: application/json' \
			"$BASE/api/v1/people/$id/care-plan")" = 200 ] && printf '%s /api/v1/people/%s/care-plan\n' "$SESSION" "$id" \
			>> "$BENCH_WORK/plan"
	done
done
# FHIR as the first user, over the Patients they may open (as `bench fhir-read` picks them).
FHIR_AUTH="Authorization: Basic $(printf '%s:%s' "${USERS[0]}" "$BENCH_PASSWORD" | base64 -w0)"
curl -s -H "$FHIR_AUTH" -H 'Accept: application/fhir+json' "$BASE/fhir/Patient?_count=100" \
	| jq -r '.entry[]?.resource | "- /fhir/Patient/\(.id)",
		(select(.name[0].family != null and .birthDate != null)
		 | "- /fhir/Patient?family=\(.name[0].family | @uri)&birthdate=\(.birthDate)" | "SEARCH \(.)")' \
	> "$BENCH_WORK/fhir-all"
grep -v '^SEARCH ' "$BENCH_WORK/fhir-all" > "$BENCH_WORK/fhir-read" || true
sed -n 's/^SEARCH //p' "$BENCH_WORK/fhir-all" > "$BENCH_WORK/fhir-search" || true

# ms PERCENTILE: wrk's latency at that percentile (in us, ms or s) in milliseconds.
ms() { awk -v q="$1" '$1 == q { v = $2; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 }
	else if (v ~ /ms$/) sub(/ms$/, "", v); else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }'; }

for workload in "${WORKLOADS[@]}"; do
	file="$BENCH_WORK/$workload"
	[ -s "$file" ] || { echo "workload=$workload client=wrk: no requests (nothing readable for ${USERS[*]})"; continue; }
	headers=(-H 'Accept: application/json')
	case $workload in fhir-*) headers=(-H "$FHIR_AUTH" -H 'Accept: application/fhir+json') ;; esac
	wrk -t2 -c4 -d"${BENCH_WARMUP:-10}s" --timeout 30s "${headers[@]}" -s bench/wrk/paths.lua "$BASE" -- warm "$file" \
		> /dev/null
	out=$(wrk -t2 -c4 -d"${SECONDS_TO_RUN}s" --timeout 30s --latency "${headers[@]}" -s bench/wrk/paths.lua "$BASE" \
		-- run "$file")
	echo "$out"
	printf 'workload=%s client=wrk ops_per_s=%s p50_ms=%s p99_ms=%s errors=%s requests=%s load=%s\n' "$workload" \
		"$(echo "$out" | awk '/^Requests\/sec/ {printf "%.1f", $2}')" "$(echo "$out" | ms 50%)" \
		"$(echo "$out" | ms 99%)" "$(echo "$out" | awk '/Non-2xx or 3xx/ {n = $NF} END {print n + 0}')" \
		"$(wc -l < "$file")" "$(load_average)"
done
