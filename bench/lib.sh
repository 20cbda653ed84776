# Shared by the read-throughput benchmarks: start the jar on the demo partnership in a throw-away data directory,
# sign in once with the form (so wrk reuses one session: HTTP Basic would run bcrypt on every request), and measure.
# Source it after `set -euo pipefail` and `cd` to the project root.

# start_demo PORT: starts target/seamless.jar (or $JAR) and waits until it is healthy; sets BASE and PID.
start_demo() {
	local port=$1
	BENCH_DIR=$(mktemp -d /tmp/seamless-bench-XXXX)
	BENCH_COOKIES=$(mktemp /tmp/seamless-cookies-XXXX)
	trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null; rm -rf "$BENCH_DIR" "$BENCH_COOKIES"' EXIT
	java -jar "${JAR:-target/seamless.jar}" --server.port="$port" --seamless.data-dir="$BENCH_DIR" --seamless.demo=true \
		--logging.level.root=WARN >/dev/null 2>&1 &
	PID=$!
	BASE="http://localhost:$port"
	until curl -fs "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do sleep 0.2; done
}

# sign_in USERNAME: signs in with the demo password; sets SESSION.
sign_in() {
	local token
	token=$(curl -s -c "$BENCH_COOKIES" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | sed 's/.*value="//;s/"//')
	curl -s -b "$BENCH_COOKIES" -c "$BENCH_COOKIES" -o /dev/null \
		-d "username=$1&password=seamless-demo&_csrf=$token" "$BASE/login"
	SESSION=$(grep JSESSIONID "$BENCH_COOKIES" | awk '{print $7}')
}

# caseload: the ids of the people on the signed-in user's caseload page.
caseload() {
	curl -s -b "JSESSIONID=$SESSION" "$BASE/" | grep -o '/people/[0-9a-f-]\{36\}' | sort -u | cut -d/ -f3
}

# measure URL SECONDS: 10 s warm-up, then wrk with 4 clients on 2 threads, with latency percentiles.
measure() {
	echo "warm-up 10 s"; wrk -t2 -c4 -d10s -H "Cookie: JSESSIONID=$SESSION" "$1" >/dev/null
	wrk -t2 -c4 -d"$2s" --latency -H "Cookie: JSESSIONID=$SESSION" "$1"
}
