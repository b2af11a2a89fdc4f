#!/usr/bin/env bash
# Fan-out benchmark for `clusterctl join`: N peers in DNS (127.0.1.1 … 127.0.1.N), each a TCP
# listener that accepts and then never answers (a node stalled mid-handshake), so every probe
# runs into --probe-timeout. Prints the wall time of one refresh for a few --concurrency values:
# with concurrency >= N it should be about one timeout, not N.
#
# Usage: bench/join-fanout.sh [N] [TIMEOUT]     (defaults: 100 peers, 1s)
# Needs: named (bind9), python3; build first with ./mvnw -q -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib/named.sh
n=${1:-100}
timeout=${2:-1s}
launcher=cli/target/clusterctl
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }

bench_work clusterctl-fanout
dns_port=$(free_port)
dist_port=$(free_port)

{
  zone_head cluster.local
  for i in $(seq 1 "$n"); do echo "stall.ns.svc IN A 127.0.1.$i"; done
} > "$work/cluster.local.db"
named_conf "$work" "$dns_port" cluster.local "$work/cluster.local.db"
start_named "$work"

# the stalled peers: accept, read, never answer
python3 - "$n" "$dist_port" > "$work/staller.log" 2>&1 <<'PY' &
import selectors, socket, sys
n, port = int(sys.argv[1]), int(sys.argv[2])
sel = selectors.DefaultSelector()
for i in range(1, n + 1):
    s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((f"127.0.1.{i}", port)); s.listen(64); s.setblocking(False)
    sel.register(s, selectors.EVENT_READ, "listen")
print("ready", flush=True)
held = []
while True:
    for key, _ in sel.select():
        if key.data == "listen":
            c, _ = key.fileobj.accept(); c.setblocking(False); held.append(c)
            sel.register(c, selectors.EVENT_READ, "conn")
        else:
            try:
                if not key.fileobj.recv(4096):
                    sel.unregister(key.fileobj); key.fileobj.close()
            except OSError:
                sel.unregister(key.fileobj)
PY
pids+=($!)
for _ in $(seq 1 100); do grep -q ready "$work/staller.log" && break; sleep 0.1; done
sleep 1

echo "clusterctl join fan-out: $n stalled peers, --probe-timeout $timeout"
printf '%-12s %10s %14s\n' concurrency wall-ms refresh-ms
for c in 1 8 32 "$n"; do
  [ "$c" -le "$n" ] || continue
  if [ "$c" -eq 1 ] && [ "$n" -gt 10 ]; then continue; fi
  t0=$(date +%s%N)
  HOME=$work "$launcher" join stall.ns.svc.cluster.local --basename app --nameserver "127.0.0.1:$dns_port" \
    --search none --dist-port "$dist_port" --probe-timeout "$timeout" --concurrency "$c" -o json \
    > "$work/out.json" 2>/dev/null || true
  t1=$(date +%s%N)
  inner=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["elapsedMs"], sum(p["verdict"]=="timeout" for p in d["peers"]))' "$work/out.json")
  printf '%-12s %10s %14s   (%s of %s peers timed out)\n' "$c" $(( (t1 - t0) / 1000000 )) "${inner% *}" "${inner#* }" "$n"
done
