#!/usr/bin/env bash
# SRV follow-ups at scale: an SRV answer with N targets (default 2,500) whose addresses are not in
# the answer, so each target needs its own A lookup, as a discovery library's refresh makes them.
#   1. clusterctl resolve end to end against a local BIND 9 (UDP answer truncated, TCP retry,
#      N follow-ups asked 32 at a time under one budget): wall time, follow-ups made, node names;
#   2. the same follow-ups through Resolver.lookupAll with 1 (the old sequential way), 8, 32 and
#      64 in flight, and against a silent server at Erlang's defaults (bench/FollowUpsBench.java).
# Usage: bench/followups.sh [N] [RUNS]   (default 2500 5; builds what it needs; nothing leaves 127.0.0.1)
set -euo pipefail
n=${1:-2500}
runs=${2:-5}
repo=$(cd "$(dirname "$0")/.." && pwd)
. "$repo/bench/lib/named.sh"
clusterctl=$repo/cli/target/clusterctl
if [ ! -x "$clusterctl" ]; then (cd "$repo" && ./mvnw -q -B package -DskipTests); fi
[ -d "$repo/core/target/test-classes/dev/clusterctl/testing" ] || (cd "$repo" && ./mvnw -q -B -pl core test-compile)
cp_file=$repo/core/target/bench-classpath.txt
[ -f "$cp_file" ] || (cd "$repo" && ./mvnw -q -B -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file")

bench_work clusterctl-followups
# Zone "z": N targets 000.z, 001.z … (base 36) with one A record each, and one SRV record per target at
# _dist-erl._tcp.big.z. Three-character labels keep 2,500 SRV records (25 bytes each) within one
# 64 KB TCP answer; BIND then has no room for the targets' addresses in the additional section.
{
  zone_head z
  python3 - "$n" <<'PY'
import sys
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for i in range(int(sys.argv[1])):
    label = digits[i // 1296 % 36] + digits[i // 36 % 36] + digits[i % 36]
    print(f"{label} IN A 10.{i // 62500 % 250}.{i // 250 % 250}.{i % 250 + 1}")
    print(f"_dist-erl._tcp.big IN SRV 0 1 39135 {label}.z.")
PY
} > "$work/z.db"
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  named_conf "$work" "$port" z "$work/z.db"
  start_named "$work"
  for _ in $(seq 100); do
    if dig +short +time=1 +tries=1 @127.0.0.1 -p "$port" z SOA | grep -q .; then break 2; fi
    sleep 0.1
  done
done
dig +short +time=2 +tries=1 @127.0.0.1 -p "$port" z SOA | grep -q . || { echo "bench: named did not start" >&2; cat "$work/named.log" >&2; exit 3; }

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1); $(named -v)"
srv=_dist-erl._tcp.big.z.
"$clusterctl" resolve "@127.0.0.1:$port" "$srv" --basename ledger -o json > "$work/out.json" 2>"$work/err.txt" || true
python3 - "$work/out.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = d["targets"]
print(f"clusterctl resolve SRV: {len(d['answers']['records'])} SRV records, {sum(1 for x in t if x['source'] == 'query')}"
      f" targets by follow-up, {sum(1 for x in t if x['source'] == 'additional')} from the additional section,"
      f" {len(d['nodes'])} node names, retried over TCP: {d['retriedOverTcp']}")
PY
times=()
for ((r = 0; r < runs; r++)); do
  t0=$(date +%s%N)
  "$clusterctl" resolve "@127.0.0.1:$port" "$srv" --basename ledger -o short > /dev/null
  t1=$(date +%s%N)
  times+=($(( (t1 - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "clusterctl resolve SRV with $n follow-ups, cold process: wall ms over $runs runs: $sorted(median $(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") ms)"
java -Xmx512m -cp "$repo/core/target/classes:$repo/core/target/test-classes:$(cat "$cp_file")" \
  "$repo/bench/FollowUpsBench.java" "127.0.0.1:$port" z "$n" "$runs"
