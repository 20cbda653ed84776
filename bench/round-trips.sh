#!/usr/bin/env bash
# Statements and transactions per request, from PostgreSQL's own counters (pg_stat_statements, pg_stat_database),
# for the requests the bench workloads send: one client, one request at a time, N of each after a warm-up of 20.
# Usage: JAR=… [DATA=folder] [PORT=18097] bench/round-trips.sh [N] [USER]   (default 200, nina.patel)
#   no DATA: the demo partnership in a throw-away folder; DATA: a kept data folder (the demo's, or a generated
#   population) whose PostgreSQL already loads pg_stat_statements (alter system set shared_preload_libraries =
#   'pg_stat_statements', then a restart), so two jars can be compared on the same data back to back.
# With ONLY=REGEX only the workloads whose name matches (ONLY=fhir: the FHIR ones).
# With TOP=K it also prints the K statements called most often per workload (their text, calls per request).
# Prints per workload: requests, statements/request (BEGIN and COMMIT not counted), transactions/request.
# The FHIR writes (fhir-create: one made-up Patient; fhir-bundle: a transaction bundle of 20) are sent as
# WRITER (default admin: imports are administrators' only), each request with new names, so each one registers.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
N=${1:-200} USER_NAME=${2:-nina.patel} PORT=${PORT:-18097}
PSQL=${PSQL:-psql}
pg_port() { sed -n 4p "$DATA/pg/postmaster.pid"; }
sql() { "$PSQL" -X -q -t -A -h localhost -p "$(pg_port)" -U postgres -d postgres -c "$1"; }
if [ -z "${DATA:-}" ]; then
	start_demo "$PORT"
	DATA="$BENCH_WORK/data-$PORT"
	# pg_stat_statements must be loaded at PostgreSQL's start: set it, then restart the server on the same folder.
	sql "alter system set shared_preload_libraries = 'pg_stat_statements'"
	kill "$PID"; wait "$PID" 2> /dev/null || true
	while [ -f "$DATA/pg/postmaster.pid" ]; do sleep 0.2; done
fi
start_server "$PORT" "$DATA"
sign_in "$USER_NAME"
sql "create extension if not exists pg_stat_statements"
people=$(caseload)
first=$(echo "$people" | head -1)
api() { curl -s -o /dev/null -w '%{http_code}' -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE$1"; }
plan="" assessment=""
for id in $people; do
	if [ -z "$plan" ] && [ "$(api "/api/v1/people/$id/care-plan")" = 200 ]; then plan="/api/v1/people/$id/care-plan"; fi
	if [ -z "$assessment" ]; then
		episode=$(curl -s -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people/$id/assessments" \
			| grep -o '"id":"[0-9a-f-]\{36\}"' | head -1 | cut -d'"' -f4 || true)
		[ -n "$episode" ] && assessment="/api/v1/people/$id/assessments/$episode/findings"
	fi
done
family_dob=$(curl -s -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people/$first" \
	| python3 -c 'import json,sys,urllib.parse; d=json.load(sys.stdin)["details"]; print(urllib.parse.quote(d["familyName"]+" "+d["dateOfBirth"]))')
fhir_id=$(curl -s -u "$USER_NAME:${BENCH_PASSWORD:-seamless-demo}" "$BASE/fhir/Patient?_count=1" | grep -o '"fullUrl" *: *"[^"]*/Patient/[^"/]*"' | head -1 | sed 's#.*/Patient/##;s/"//')
WRITER=${WRITER:-admin}
BODY="$BENCH_WORK/body.json"
# A made-up Patient, nobody else: random letters for the family name, a random given name and date of birth, so
# identity matching finds no one alike (as bench's own made-up people).
GIVEN=(Alex Sam Jo Kim Lee Pat Chris Robin Ali Nia Ravi Maya Tom Ella Omar Zoe)
patient_json() {
	local family="" letters=({a..z}) k
	for k in 1 2 3 4 5 6 7 8 9; do family+=${letters[RANDOM % 26]}; done
	printf '{"resourceType":"Patient","name":[{"use":"official","family":"Q%s","given":["%s"]}],"gender":"female","birthDate":"%d-%02d-%02d"}' \
		"$family" "${GIVEN[RANDOM % 16]}" $((1925 + RANDOM % 80)) $((1 + RANDOM % 12)) $((1 + RANDOM % 28))
}
patient_body() { patient_json > "$BODY"; }
bundle_body() {
	local k
	{
		printf '{"resourceType":"Bundle","type":"transaction","entry":['
		for k in $(seq 20); do
			[ "$k" = 1 ] || printf ','
			printf '{"fullUrl":"urn:uuid:%s","resource":%s,"request":{"method":"POST","url":"Patient"}}' \
				"$(cat /proc/sys/kernel/random/uuid)" "$(patient_json)"
		done
		printf ']}'
	} > "$BODY"
}
# workload name, then curl arguments; with BODY_FN set, that function writes a new $BODY before each request
# (outside the counted statements: it runs no SQL).
run() {
	local name=$1 i statements transactions
	shift
	if [ -n "${ONLY:-}" ] && ! [[ $name =~ $ONLY ]]; then return 0; fi
	send() { [ -z "${BODY_FN:-}" ] || "$BODY_FN" "$i"; curl -s -o /dev/null "$@"; }
	for i in $(seq 20); do send "$@"; done
	sql "select pg_stat_statements_reset()" > /dev/null
	local before_xact
	before_xact=$(sql "select xact_commit + xact_rollback from pg_stat_database where datname = 'postgres'")
	for i in $(seq 21 $((N + 20))); do send "$@"; done
	sleep 2
	# The audit chainer runs every 100 ms whatever the load: its rounds (one transaction each, found by its lock on
	# the chain head) and its statements are taken out; the entries it chains are the requests' own.
	local chainer
	chainer=$(sql "select coalesce(sum(calls), 0) from pg_stat_statements where query ~* 'from audit.chain_head for update'")
	statements=$(sql "select coalesce(sum(calls), 0) from pg_stat_statements where query !~* '^(begin|commit|rollback|set |show |select pg_stat_statements_reset|select xact_commit|select coalesce)' and query !~* '(audit.chain_head|^with next as|^update audit.entry set seq)'")
	transactions=$(sql "select xact_commit + xact_rollback - $before_xact - $chainer - 3 from pg_stat_database where datname = 'postgres'")
	printf '%-11s %6d requests  %6.1f statements/request  %6.1f transactions/request\n' "$name" "$N" \
		"$(echo "$statements / $N" | bc -l)" "$(echo "$transactions / $N" | bc -l)"
	if [ -n "${TOP:-}" ]; then
		sql "select round(calls::numeric / $N, 2) || '  ' || regexp_replace(left(query, 160), '\s+', ' ', 'g') from pg_stat_statements where query !~* '(audit.chain_head|^with next as|^update audit.entry set seq)' order by calls desc limit $TOP"
	fi
}
echo "# $(date -u +%FT%TZ), load average $(load_average), $N requests each, one at a time, as $USER_NAME"
run view -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people/$first"
run search -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE/api/v1/people?q=$family_dob"
[ -n "$assessment" ] && run assessment -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE$assessment"
[ -n "$plan" ] && run plan -b "JSESSIONID=$SESSION" -H 'Accept: application/json' "$BASE$plan"
run worklist -b "JSESSIONID=$SESSION" "$BASE/worklist/items"
run record-page -b "JSESSIONID=$SESSION" "$BASE/people/$first"
[ -n "$fhir_id" ] && run fhir-read -u "$USER_NAME:${BENCH_PASSWORD:-seamless-demo}" "$BASE/fhir/Patient/$fhir_id"
family=$(echo "$family_dob" | sed 's/%20[^%]*$//') dob=$(echo "$family_dob" | sed 's/.*%20//')
run fhir-search -u "$USER_NAME:${BENCH_PASSWORD:-seamless-demo}" "$BASE/fhir/Patient?family=$family&birthdate=$dob"
BODY_FN=patient_body run fhir-create -u "$WRITER:${BENCH_PASSWORD:-seamless-demo}" -H 'Content-Type: application/fhir+json' \
	--data-binary "@$BODY" "$BASE/fhir/Patient"
BODY_FN=bundle_body run fhir-bundle -u "$WRITER:${BENCH_PASSWORD:-seamless-demo}" -H 'Content-Type: application/fhir+json' \
	--data-binary "@$BODY" "$BASE/fhir"
