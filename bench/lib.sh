# Shared by the scripts in bench/. Source it after `set -euo pipefail`; it moves to the project root.
#
# Everything a run leaves is under target/bench/: scratch folders (data folders, cookie jars, logs) under
# target/bench/work/, removed when the script ends however it ends (normal exit, error, Ctrl-C, kill), and the
# figures in the results file named by $BENCH_RESULTS (bench/all.sh sets it) as tab-separated lines
# "figure<TAB>row<TAB>column<TAB>value", which bench/tables.sh turns into the tables of docs/benchmarks.md.
#
# Environment:
#   JAR              the jar to run (default target/seamless.jar)
#   SEAMLESS_LAUNCHER  a launcher to start it with instead of java -jar (bin/seamless: class data sharing, ADR 57)
#   BENCH_SERVER     a Seamless already running on the demo partnership (e.g. http://localhost:18090): start_demo
#                    uses it instead of starting one (bench/all.sh starts one server for all the API figures)
#   BENCH_RESULTS    file to append figures to (none: figures are only printed)
#   BENCH_WARMUP     seconds of wrk warm-up before a measurement (default 10)
#   BENCH_START_TIMEOUT  seconds to wait for a server to report UP (default 900: a busy machine is slow)

cd "$(dirname "${BASH_SOURCE[0]}")/.."
mkdir -p target/bench/work
BENCH_WORK=$(mktemp -d "$PWD/target/bench/work/$(basename "$0" .sh)-XXXX")
BENCH_PIDS=()

# Stops what this script started (servers get SIGTERM, then SIGKILL after 60 s; an embedded PostgreSQL that a killed
# server left behind is stopped too), runs the script's own bench_on_exit if it defines one, then removes the scratch
# folder.
bench_cleanup() {
	local status=$?
	# Ignored, not reset, while cleaning up: a TERM or INT arriving now (a second Ctrl-C, or a signal sent to the
	# process group as a server shuts down) would otherwise kill the script half way, exit 143 and leave the data
	# folder behind.
	trap '' INT TERM
	trap - EXIT
	local pid pg deadline
	for pid in "${BENCH_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	deadline=$((SECONDS + 60))
	for pid in "${BENCH_PIDS[@]}"; do
		while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	done
	for pg in "$BENCH_WORK"/*/pg/postmaster.pid; do
		[ -f "$pg" ] || continue
		pid=$(head -1 "$pg")
		kill -INT "$pid" 2>/dev/null || true
		while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $((deadline + 30)) ]; do sleep 0.2; done
	done
	if declare -F bench_on_exit > /dev/null; then bench_on_exit || true; fi
	rm -rf "$BENCH_WORK"
	exit "$status"
}
trap bench_cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# bench_track PID: stop this process when the script ends.
bench_track() { BENCH_PIDS+=("$1"); }

# result FIGURE ROW COLUMN VALUE: one figure for the results file (and nothing else when BENCH_RESULTS is unset).
result() {
	# One line per figure, whatever a parse let through.
	local value=${4//$'\n'/ }
	if [ -n "${BENCH_RESULTS:-}" ]; then printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "${value//$'\t'/ }" >> "$BENCH_RESULTS"; fi
}

load_average() { cut -d' ' -f1-3 /proc/loadavg | tr ' ' /; }

# start_server PORT DATA_DIR [ARGS...]: starts $JAR and waits until it reports UP; sets BASE and PID.
start_server() {
	local port=$1 dir=$2 deadline
	shift 2
	mkdir -p "$dir"
	# In a session of its own (setsid keeps the pid: a background job of a script is no group leader), so that
	# signals the server's process tree sends to its group never reach this script.
	# SEAMLESS_LAUNCHER=bin/seamless: through the class data sharing launcher (ADR 57) instead of java -jar.
	local launch=(java -jar "${JAR:-target/seamless.jar}")
	if [ -n "${SEAMLESS_LAUNCHER:-}" ]; then launch=(env SEAMLESS_JAR="${JAR:-target/seamless.jar}" "$SEAMLESS_LAUNCHER"); fi
	setsid "${launch[@]}" --server.port="$port" --seamless.data-dir="$dir" \
		--logging.level.root=WARN "$@" > "$dir.log" 2>&1 < /dev/null &
	PID=$!
	bench_track "$PID"
	BASE="http://localhost:$port"
	deadline=$((SECONDS + ${BENCH_START_TIMEOUT:-900}))
	until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
		if ! kill -0 "$PID" 2>/dev/null; then echo "the server stopped while starting:" >&2; tail -20 "$dir.log" >&2; exit 1; fi
		if [ $SECONDS -ge $deadline ]; then echo "the server did not start in time" >&2; exit 1; fi
		sleep 0.2
	done
}

# start_demo PORT [ARGS...]: a server on the demo partnership in a new data folder (or $BENCH_SERVER), waiting until
# the demo data are loaded (they load just after the server reports UP); sets BASE (and PID when started here).
start_demo() {
	local port=$1
	shift
	if [ -n "${BENCH_SERVER:-}" ]; then
		BASE=$BENCH_SERVER
		PID=${BENCH_SERVER_PID:-}
	else
		start_server "$port" "$BENCH_WORK/data-$port" --seamless.demo=true "$@"
	fi
	wait_for_caseload nina.patel
}

# wait_for_caseload USER: until the user's caseload page lists someone (at most 15 minutes).
wait_for_caseload() {
	local deadline=$((SECONDS + 900))
	sign_in "$1"
	until [ -n "$(caseload)" ]; do
		if [ $SECONDS -ge $deadline ]; then echo "the demo caseload of $1 never appeared" >&2; exit 1; fi
		sleep 1
		# Signing in before the demo loader has made the account fails: sign in again.
		sign_in "$1"
	done
}

# sign_in USERNAME: signs in with the demo password through the form (so wrk reuses one session: HTTP Basic would run
# bcrypt on every request); sets SESSION. Each user has a cookie jar of their own.
sign_in() {
	local token jar="$BENCH_WORK/cookies-$1"
	rm -f "$jar"
	token=$(curl -s -c "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//')
	curl -s -b "$jar" -c "$jar" -o /dev/null -d "username=$1&password=${BENCH_PASSWORD:-seamless-demo}&_csrf=$token" "$BASE/login"
	SESSION=$(awk '$6 == "JSESSIONID" {print $7}' "$jar")
	[ -n "$SESSION" ] || { echo "could not sign in as $1" >&2; exit 1; }
}

# caseload: the ids of the people on the signed-in user's caseload page.
caseload() {
	curl -s -b "JSESSIONID=$SESSION" "$BASE/" | grep -o '/people/[0-9a-f-]\{36\}' | sort -u | cut -d/ -f3 || true
}

# csrf PATH: the CSRF token of the form on a page, for the signed-in user.
csrf() {
	curl -s -b "JSESSIONID=$SESSION" "$BASE$1" | grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"//'
}

# measure URL SECONDS FIGURE ROW: warm-up, then wrk with 4 clients on 2 threads, with latency percentiles; prints
# wrk's report and records requests/s, p50, p99, the non-2xx/3xx answers and the load averages.
measure() {
	local url=$1 seconds=$2 figure=$3 row=$4 out before
	echo "warm-up ${BENCH_WARMUP:-10} s"
	wrk -t2 -c4 -d"${BENCH_WARMUP:-10}s" --timeout 30s -H "Cookie: JSESSIONID=$SESSION" "$url" > /dev/null
	before=$(load_average)
	out=$(wrk -t2 -c4 -d"${seconds}s" --timeout 30s --latency -H "Cookie: JSESSIONID=$SESSION" "$url")
	echo "$out"
	result "$figure" "$row" "requests/s" "$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')"
	result "$figure" "$row" "p50" "$(echo "$out" | awk '$1 == "50%" {print $2}')"
	result "$figure" "$row" "p99" "$(echo "$out" | awk '$1 == "99%" {print $2}')"
	result "$figure" "$row" "errors" "$(echo "$out" | awk '/Non-2xx or 3xx/ {n = $NF} END {print n + 0}')"
	result "$figure" "$row" "load average before / after" "$before – $(load_average)"
}
