#!/usr/bin/env bash
# Benchmark of cold `clusterctl resolve` start-up, side by side in one run with `dig` for the same
# query and with a bare `java` hello-world (the JVM floor), against a local BIND 9; plus a
# 400-record SRV answer that only fits over TCP. Reports medians and ratios.
#
# Usage: bench/resolve.sh [RUNS]      (default 21 runs of each; needs named, dig, java, javac)
# Builds cli/target/clusterctl first when it is missing. Nothing leaves 127.0.0.1.
set -euo pipefail
runs=${1:-21}
repo=$(cd "$(dirname "$0")/.." && pwd)
clusterctl=$repo/cli/target/clusterctl
named=$(command -v named || echo /usr/sbin/named)
for tool in dig java javac "$named"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "bench: $tool not found" >&2; exit 2; }
done
if [ ! -x "$clusterctl" ]; then
  (cd "$repo" && ./mvnw -q -B package -DskipTests)
fi

work=$(mktemp -d)
named_pid=
cleanup() {
  if [ -n "$named_pid" ]; then kill "$named_pid" 2>/dev/null || true; wait "$named_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# A local BIND serving the same kind of zone the tests use, on a free port.
for attempt in 1 2 3 4 5; do
  port=$((20000 + RANDOM % 30000))
  "$repo/bench/bind-zone.sh" "$work/bind" "$port"
  "$named" -g -c "$work/bind/named.conf" -u root >"$work/named.log" 2>&1 &
  named_pid=$!
  for _ in $(seq 100); do
    if dig +short +time=1 +tries=1 @127.0.0.1 -p "$port" cluster.local SOA | grep -q .; then break 2; fi
    kill -0 "$named_pid" 2>/dev/null || break
    sleep 0.1
  done
  kill "$named_pid" 2>/dev/null || true; wait "$named_pid" 2>/dev/null || true; named_pid=
done
[ -n "$named_pid" ] || { echo "bench: named did not start:" >&2; cat "$work/named.log" >&2; exit 3; }

# The JVM floor: a hello-world compiled here.
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' >"$work/hello/Hello.java"
javac -d "$work/hello" "$work/hello/Hello.java"

# time_ms NAME CMD...: runs CMD once; appends its wall time and its CPU time (user + system, which
# other work on the machine disturbs less) in microseconds to $work/NAME.wall and $work/NAME.cpu
time_ms() {
  local name=$1; shift
  local t0 t1
  t0=$(date +%s%N)
  /usr/bin/time -o "$work/last.time" -f '%U %S' "$@" >/dev/null 2>"$work/last.err" \
    || { echo "bench: '$*' failed:" >&2; cat "$work/last.err" >&2; exit 1; }
  t1=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000 ))" >>"$work/$name.wall"
  awk '{printf "%d\n", ($1 + $2) * 1000000}' "$work/last.time" >>"$work/$name.cpu"
}
# median NAME wall|cpu: the median in ms
median() { sort -n "$work/$1.$2" | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
rss_kb() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }

server=127.0.0.1:$port
a_name=ledger.payments.svc.cluster.local.
srv_name=_dist-erl._tcp.big.payments.svc.cluster.local.

# An AppCDS archive of this very command, to show what the release's CDS archive will buy
# (JDK 17 dynamic archive: also archives lambda proxies, which dnsjava's record table uses).
CLUSTERCTL_JAVA_OPTS="-XX:ArchiveClassesAtExit=$work/resolve.jsa" \
  "$clusterctl" resolve "@$server" "$a_name" --basename ledger -o short >/dev/null 2>&1

# One warm-up of each (page cache), then interleaved runs so that drift hits all alike.
"$clusterctl" resolve "@$server" "$a_name" -o short >/dev/null
java -cp "$work/hello" Hello >/dev/null
for _ in $(seq "$runs"); do
  time_ms java_hello java -cp "$work/hello" Hello
  time_ms java_hello_flags java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss2m -cp "$work/hello" Hello
  time_ms dig_a dig +short @127.0.0.1 -p "$port" "$a_name" A
  time_ms version "$clusterctl" --version
  time_ms resolve_a "$clusterctl" resolve "@$server" "$a_name" --basename ledger -o short
  time_ms resolve_a_table "$clusterctl" resolve "@$server" "$a_name" --basename ledger
  time_ms resolve_a_json "$clusterctl" resolve "@$server" "$a_name" --basename ledger -o json
  time_ms resolve_a_cds env CLUSTERCTL_JAVA_OPTS="-XX:SharedArchiveFile=$work/resolve.jsa" "$clusterctl" resolve "@$server" "$a_name" --basename ledger -o short
done
for _ in $(seq "$(( (runs + 1) / 2 ))"); do
  time_ms dig_srv400 dig +tcp +short @127.0.0.1 -p "$port" "$srv_name" SRV
  time_ms resolve_srv400 "$clusterctl" resolve "@$server" "$srv_name" --basename ledger -o short
  time_ms resolve_srv400_tcp "$clusterctl" resolve "@$server" "$srv_name" --basename ledger --tcp -o short
done

floor=$(median java_hello wall)
floor_cpu=$(median java_hello cpu)
row() { # row LABEL NAME
  local w c; w=$(median "$2" wall); c=$(median "$2" cpu)
  printf '%-50s %9s ms %7s %9s ms %7s\n' "$1" "$w" "$(awk -v m="$w" -v f="$floor" 'BEGIN {printf "%.2fx", m/f}')" \
    "$c" "$(awk -v m="$c" -v f="$floor_cpu" 'BEGIN {printf "%.2fx", m/f}')"
}
echo "clusterctl resolve benchmark: $runs runs each (SRV: $(( (runs + 1) / 2 ))), medians, cold processes"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine inflates wall times most)"
echo "machine: $(nproc) cpus, $(lscpu | sed -n 's/^Model name: *//p' | head -1), $(free -g | awk '/^Mem:/ {print $2}') GiB," \
  "$(java -version 2>&1 | head -1)"
echo
printf '%-50s %12s %7s %12s %7s\n' "command" "wall" "vs java" "cpu (u+s)" "vs java"
row "java Hello (JVM floor)" java_hello
row "java Hello with the launcher's JVM flags" java_hello_flags
row "dig +short A" dig_a
row "clusterctl --version (picocli, no lookup)" version
row "clusterctl resolve A -o short" resolve_a
row "clusterctl resolve A (table)" resolve_a_table
row "clusterctl resolve A -o json" resolve_a_json
row "clusterctl resolve A -o short, AppCDS archive" resolve_a_cds
row "dig +tcp +short SRV (400 records)" dig_srv400
row "clusterctl resolve SRV 400 (udp, truncated -> tcp)" resolve_srv400
row "clusterctl resolve SRV 400 --tcp" resolve_srv400_tcp
echo
echo "max RSS: java Hello $(rss_kb java -cp "$work/hello" Hello) KiB," \
  "resolve A $(rss_kb "$clusterctl" resolve "@$server" "$a_name" -o short) KiB," \
  "resolve SRV 400 $(rss_kb "$clusterctl" resolve "@$server" "$srv_name" -o short) KiB"
