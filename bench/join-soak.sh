#!/usr/bin/env bash
# Soak benchmark for `clusterctl join --watch`: thousands of refreshes at a short interval against
# a local BIND and two real EPMD-less Erlang nodes (one more address in DNS has no node, so every
# refresh also exercises a refused connection). Samples the live heap (after a full GC) and the
# thread count of the clusterctl JVM at the start and the end, and prints them with the refresh count.
#
# Usage: bench/join-soak.sh [SECONDS] [INTERVAL]     (defaults: 120 s, 10ms)
# Needs: named (bind9), erl (erlang-base), jcmd (the JDK), python3; build first with
#        ./mvnw -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/named.sh
secs=${1:-120}
interval=${2:-10ms}
launcher=cli/target/clusterctl
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
for p in named erl jcmd python3; do
  command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || { echo "missing: $p" >&2; exit 2; }
done

bench_work clusterctl-soak
dns_port=$(free_port)
dist_port=$(free_port)

{
  zone_head cluster.local
  for ip in 127.0.0.2 127.0.0.3 127.0.0.9; do echo "soak.ns.svc IN A $ip"; done
} > "$work/cluster.local.db"
named_conf "$work" "$dns_port" cluster.local "$work/cluster.local.db"
start_named "$work"

cookie=soak-cookie-$RANDOM$RANDOM
printf '%s\n' "$cookie" > "$work/cookie"
chmod 400 "$work/cookie"
for ip in 127.0.0.2 127.0.0.3; do
  HOME=$work erl -name "soak@$ip" -setcookie "$cookie" -erl_epmd_port "$dist_port" -start_epmd false \
    -kernel inet_dist_use_interface "{${ip//./,}}" -noshell -noinput > "$work/erl-$ip.log" 2>&1 &
  pids+=($!)
done
for _ in $(seq 1 100); do
  if python3 - "$dist_port" <<'PY' 2>/dev/null; then break; fi
import socket, sys
for ip in ("127.0.0.2", "127.0.0.3"):
    socket.create_connection((ip, int(sys.argv[1])), 0.2).close()
PY
  sleep 0.2
done

common=(soak.ns.svc.cluster.local --basename soak --nameserver "127.0.0.1:$dns_port" --search none
  --dist-port "$dist_port" --cookie-file "$work/cookie" --probe-timeout 2s)
t0=$(date +%s%N)
HOME=$work "$launcher" join "${common[@]}" -o json > "$work/once.json" 2>/dev/null || true
t1=$(date +%s%N)
once_ms=$(( (t1 - t0) / 1000000 ))
once_inner=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["elapsedMs"])' "$work/once.json")

HOME=$work "$launcher" join soak.ns.svc.cluster.local --basename soak --nameserver "127.0.0.1:$dns_port" \
  --search none --dist-port "$dist_port" --cookie-file "$work/cookie" --probe-timeout 2s \
  --watch -o jsonl --interval "$interval" > "$work/events.jsonl" 2> "$work/stderr" &
jvm=$!
pids+=($jvm)

sample() {  # prints: refreshes live-heap-KB threads
  local refreshes heap threads
  jcmd "$jvm" GC.run > /dev/null
  heap=$(jcmd "$jvm" GC.heap_info | awk '/(generation|heap) +total/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i+1); sub("K,?", "", v); sum += v } } END { print sum }')
  threads=$(awk '/^Threads:/ { print $2 }' "/proc/$jvm/status")
  refreshes=$(grep -c '"event":"refreshed"' "$work/events.jsonl" || true)
  echo "$refreshes $heap $threads"
}

sleep 10
read -r r0 h0 t0 < <(sample)
start=$(date +%s)
mid_lines=()
while [ $(( $(date +%s) - start )) -lt "$secs" ]; do
  sleep $(( secs / 4 > 0 ? secs / 4 : 1 ))
  mid_lines+=("$(sample)")
done
read -r r1 h1 t1 < <(sample)
kill -TERM "$jvm"
wait "$jvm" || status=$?
echo "clusterctl join --watch soak: interval $interval, $secs s measured after a 10 s warm-up"
echo "java: $(java -version 2>&1 | head -1)"
echo "one refresh without --watch (3 peers: 2 joinable, 1 refused): ${once_inner} ms inside, ${once_ms} ms wall incl. JVM start"
printf '%-8s %10s %14s %8s\n' point refreshes live-heap-KB threads
printf '%-8s %10s %14s %8s\n' start "$r0" "$h0" "$t0"
for l in "${mid_lines[@]}"; do read -r a b c <<< "$l"; printf '%-8s %10s %14s %8s\n' during "$a" "$b" "$c"; done
printf '%-8s %10s %14s %8s\n' end "$r1" "$h1" "$t1"
echo "refreshes measured: $((r1 - r0)) ($(( (r1 - r0) / secs ))/s); lookup failures: $(grep -c '"event":"lookup-failed"' "$work/events.jsonl" || true); exit status after SIGTERM: ${status:-0}"
tail -1 "$work/stderr"
