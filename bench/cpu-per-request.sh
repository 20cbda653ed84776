#!/usr/bin/env bash
# CPU seconds per 1,000 requests of the bench client, the Seamless server and its PostgreSQL, over the measured window
# of one `bench` run only (sign-in, target finding, warm-up and JVM start-up are left out): a figure that a busy machine
# changes far less than throughput, so before and after can be compared on a shared machine.
# Usage: bench/cpu-per-request.sh SERVER_PID WORKLOAD [bench arguments...]
#   e.g. bench/cpu-per-request.sh 1234 view --url=http://localhost:18220 --users=nina.patel,sam.jones --clients=4
#   --seconds=20 --warmup=10
# SERVER_PID is the running server's java process; its PostgreSQL is found as the postmaster whose data folder is the
# server's (its backends are the postmaster's children). JAR=… runs another jar as the client.
set -euo pipefail
SERVER_PID=$1
shift
WARMUP=10
MEASURED=20
for arg in "$@"; do
	case $arg in
		--warmup=*) WARMUP=${arg#--warmup=} ;;
		--seconds=*) MEASURED=${arg#--seconds=} ;;
	esac
done
TICKS=$(getconf CLK_TCK)

# ticks PID...: user + system clock ticks of the processes (0 for one that has gone), with those of their children
# that have ended and been waited for (a PostgreSQL backend that ends mid-window is counted by its postmaster).
ticks() {
	local pid total=0 stat rest
	for pid in "$@"; do
		read -r stat 2>/dev/null < "/proc/$pid/stat" || continue
		# The fields after the command name (which may hold spaces) start at the state, field 3.
		rest=${stat##*) }
		read -r -a fields <<< "$rest"
		total=$((total + fields[11] + fields[12] + fields[13] + fields[14]))
	done
	echo "$total"
}

# request_ticks: clock ticks of the server's Tomcat threads (http-nio-…: workers, poller, acceptor), so without the JIT
# compiler's and the garbage collector's threads, which a young or busy JVM spends much on.
request_ticks() {
	local task total=0 stat rest
	for task in /proc/"$SERVER_PID"/task/*; do
		read -r stat 2>/dev/null < "$task/stat" || continue
		case $stat in *"(http-nio-"*) ;; *) continue ;; esac
		rest=${stat##*) }
		read -r -a fields <<< "$rest"
		total=$((total + fields[11] + fields[12]))
	done
	echo "$total"
}

postmaster() {
	local pid
	for pid in $(pgrep -P "$SERVER_PID" 2>/dev/null) $(pgrep -x postgres 2>/dev/null); do
		if [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" != 1 ] && [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" != "$SERVER_PID" ]; then
			continue
		fi
		if tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q "$(server_data_dir)/pg"; then echo "$pid"; return; fi
	done
}

server_data_dir() {
	tr '\0' '\n' < "/proc/$SERVER_PID/cmdline" | sed -n 's/^--seamless.data-dir=//p' | head -1
}

PG=$(postmaster)
if [ -z "$PG" ]; then echo "no PostgreSQL found for server $SERVER_PID (data folder '$(server_data_dir)')" >&2; exit 2; fi
backends() { echo "$PG" $(pgrep -P "$PG"); }

OUT=$(mktemp)
trap 'rm -f "$OUT"' EXIT
java -jar "${JAR:-target/seamless.jar}" bench "$@" > "$OUT" 2>&1 &
CLIENT=$!
until grep -q '^load average before' "$OUT"; do
	if ! kill -0 "$CLIENT" 2>/dev/null; then cat "$OUT" >&2; exit 2; fi
	sleep 0.05
done
# The window starts a second after the client's warm-up ends and stops two seconds before its measurement does, so
# that neither sample falls outside the client's life on a slow machine; requests in it are the measured rate times
# its length.
WINDOW=$((MEASURED - 3))
if [ "$WINDOW" -lt 5 ]; then echo "--seconds must be at least 8" >&2; exit 2; fi
sleep $((WARMUP + 1))
c0=$(ticks "$CLIENT"); s0=$(ticks "$SERVER_PID"); r0=$(request_ticks); p0=$(ticks $(backends))
sleep "$WINDOW"
c1=$(ticks "$CLIENT"); s1=$(ticks "$SERVER_PID"); r1=$(request_ticks); p1=$(ticks $(backends))
ALIVE=$(kill -0 "$CLIENT" 2>/dev/null && echo yes || echo no)
wait "$CLIENT" || true
if [ "$ALIVE" != yes ]; then echo "the client ended before the window did: no figures" >&2; cat "$OUT"; exit 2; fi
cat "$OUT"
LAST=$(tail -1 "$OUT")
OPS=$(sed -n 's/.*ops_per_s=\([0-9.]*\).*/\1/p' <<< "$LAST")
awk -v ops="$OPS" -v s="$WINDOW" -v t="$TICKS" -v c=$((c1 - c0)) -v v=$((s1 - s0)) -v r=$((r1 - r0)) -v p=$((p1 - p0)) 'BEGIN {
	n = ops * s
	if (n == 0) { print "no requests measured"; exit 1 }
	printf "cpu_s_per_1000: client=%.2f server=%.2f server_request_threads=%.2f postgres=%.2f total=%.2f (requests=%d, window %d s; cpu s in window: client %.1f server %.1f postgres %.1f)\n",
		c / t / n * 1000, v / t / n * 1000, r / t / n * 1000, p / t / n * 1000, (c + v + p) / t / n * 1000, n, s, c / t, v / t, p / t
}'
