#!/usr/bin/env bash
# How fast a signal stops clusterctl while it waits on a server that never answers: the time from
# kill(1) to the process's exit, median of RUNS, for
#   resolve  (SIGINT, a silent DNS server, --timeout 60s),
#   resolve  (SIGTERM, the same),
#   join --watch -o jsonl (SIGINT, mid-refresh on the silent server),
#   doctor   (SIGTERM, an API server that accepts and never answers, --timeout 60s),
# each through cli/target/clusterctl (its build-time CDS archives; exec'd JVM). Reference, in the
# same run: the wall time of `clusterctl --version` (a JVM's start and exit), median of RUNS.
# Usage: bench/signals.sh [RUNS]   (default 7; nothing leaves 127.0.0.1)
set -euo pipefail
# job control: a background job of a script otherwise starts with SIGINT ignored
set -m
runs=${1:-7}
repo=$(cd "$(dirname "$0")/.." && pwd)
clusterctl=$repo/cli/target/clusterctl
if [ ! -x "$clusterctl" ]; then (cd "$repo" && ./mvnw -q -B package -DskipTests); fi
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

# a UDP port that reads questions and never answers, and a TCP port that accepts and never answers
python3 - "$work" <<'PY' &
import socket, sys, threading, time
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("127.0.0.1", 0))
t = socket.socket(); t.bind(("127.0.0.1", 0)); t.listen(64)
open(sys.argv[1] + "/ports", "w").write(f"{u.getsockname()[1]} {t.getsockname()[1]}\n")
held = []
def accept():
    while True:
        held.append(t.accept()[0])
threading.Thread(target=accept, daemon=True).start()
while True:
    u.recvfrom(4096)
PY
for _ in $(seq 100); do [ -s "$work/ports" ] && break; sleep 0.1; done
read -r udp tcp < "$work/ports"
cat > "$work/kubeconfig" <<YAML
apiVersion: v1
kind: Config
clusters:
- {name: hung, cluster: {server: "http://127.0.0.1:$tcp"}}
users:
- {name: me, user: {token: bench-token}}
contexts:
- {name: hung, context: {cluster: hung, user: me, namespace: payments}}
current-context: hung
YAML

now_ms() { date +%s%3N; }
# latency SIGNAL SETTLE COMMAND...: start, wait SETTLE seconds (the command is then waiting on the
# server), send SIGNAL, print the milliseconds until it exits and its exit code
latency() {
  local sig=$1 settle=$2; shift 2
  "$@" > /dev/null 2>&1 &
  local pid=$!
  sleep "$settle"
  local t0; t0=$(now_ms)
  kill -"$sig" "$pid"
  local rc=0; wait "$pid" || rc=$?
  echo "$(( $(now_ms) - t0 )) $rc"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

bench() {
  local name=$1 sig=$2; shift 2
  : > "$work/ms"
  local rc=
  for _ in $(seq "$runs"); do
    # not in a subshell: job control (and so SIGINT for the job) is the main shell's only
    latency "$sig" 2.5 "$@" > "$work/one" 2> /dev/null
    read -r ms rc < "$work/one"
    echo "$ms" >> "$work/ms"
  done
  printf '%-44s %6s ms  exit %s\n' "$name" "$(median < "$work/ms")" "$rc"
  median < "$work/ms" > "$work/last"
}

: > "$work/ms"
for _ in $(seq "$runs"); do
  t0=$(now_ms); "$clusterctl" --version > /dev/null; echo "$(( $(now_ms) - t0 ))" >> "$work/ms"
done
ref=$(median < "$work/ms")
printf '%-44s %6s ms\n' "reference: clusterctl --version, wall time" "$ref"
for spec in \
  "resolve, SIGINT|INT|resolve @127.0.0.1:$udp x.example. --timeout 60s --tries 1" \
  "resolve, SIGTERM|TERM|resolve @127.0.0.1:$udp x.example. --timeout 60s --tries 1" \
  "join --watch -o jsonl mid-refresh, SIGINT|INT|join --watch -o jsonl --basename app @127.0.0.1:$udp x.example. --timeout 60s --tries 1" \
  "doctor on a hung API, SIGTERM|TERM|doctor --kubeconfig $work/kubeconfig --timeout 60s"; do
  IFS='|' read -r name sig args <<< "$spec"
  # shellcheck disable=SC2086
  bench "$name" "$sig" env NO_COLOR=1 HOME="$work" "$clusterctl" $args
  awk -v a="$(cat "$work/last")" -v b="$ref" 'BEGIN {printf "  %.2fx the reference\n", (b > 0 ? a / b : 0)}'
done
