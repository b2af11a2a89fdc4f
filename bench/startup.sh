#!/usr/bin/env bash
# Start-up of clusterctl against the JVM floor, in one run: cold `clusterctl --version` (a new JVM
# each time; the OS file cache is warm) with and without the CDS archive, with picocli's stock jar
# and with the build's picocli rebuilt for Java 17 (which CDS can archive), and a bare `java Hello`. Runs are interleaved round-robin so
# that other load on the machine hits every variant alike; prints medians and ratios to the floor.
#
#   bench/startup.sh [RUNS]          (default 21; needs ./mvnw -q -B package -DskipTests first)
#
# Extra commands join the table with BENCH_EXTRA, one per line, e.g. once resolve/doctor exist:
#   BENCH_EXTRA=$'resolve example.org\ndoctor -f examples/statefulset.yaml' bench/startup.sh
# With BENCH_BEFORE=DIR (a copy of an older build's cli/target, e.g. taken before a change), each
# extra command also runs with that build, in the same rounds; its CDS archives are made again
# for the copy's location from the class lists its build recorded (an archive names its jars'
# absolute paths, so a moved copy's own archives would be ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-21}
target=cli/target
[ -x "$target/clusterctl" ] && [ -f "$target/clusterctl-cli.jar" ] && [ -f "$target/clusterctl.jsa" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
javap=${JAVA_HOME:+$JAVA_HOME/bin/}javap
picocli_jar=$(ls "$target"/lib/picocli-[0-9]*-clusterctl-jdk17.jar 2>/dev/null) \
  && "$javap" -v -cp "$picocli_jar" picocli.CommandLine | grep -q 'major version: 61' \
  || { echo "cli/target/lib lacks picocli rebuilt for Java 17; build with ./mvnw -q -B package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache" NO_COLOR=1

# The floor: a bare hello world, default JVM flags (and with clusterctl's flags, for reference).
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
"$javac" -d "$work/hello" "$work/hello/Hello.java"

# Two trees: the build's (picocli rebuilt for Java 17 by the build) and one with picocli's stock
# jar (Java 5 bytecode, which CDS skips); each with its own CDS archive made the way the build does.
picocli_version=$(basename "$picocli_jar" .jar | sed 's/^picocli-//; s/-clusterctl-jdk17$//')
stock_jar="$HOME/.m2/repository/info/picocli/picocli/$picocli_version/picocli-$picocli_version.jar"
for tree in p17 stock; do
  mkdir -p "$work/$tree"
  cp -r "$target/clusterctl" "$target/clusterctl-cli.jar" "$target/lib" "$work/$tree/"
done
rm "$work/stock/lib/$(basename "$picocli_jar")"
cp "$stock_jar" "$work/stock/lib/"
for tree in p17 stock; do
  CLUSTERCTL_CDS=off CLUSTERCTL_JAVA_OPTS="-XX:ArchiveClassesAtExit=$work/$tree/clusterctl.jsa -Xlog:cds=off -Xlog:cds+dynamic=off" \
    "$work/$tree/clusterctl" --help >/dev/null
done

declare -A cmd
order=()
add() { order+=("$1"); cmd[$1]=$2; }
add "java Hello (JVM floor)"                 "$java -cp $work/hello Hello"
add "java Hello, clusterctl's JVM flags"     "$java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp $work/hello Hello"
add "--version, stock picocli, no CDS"       "env CLUSTERCTL_CDS=off $work/stock/clusterctl --version"
add "--version, stock picocli, CDS"          "$work/stock/clusterctl --version"
add "--version, picocli 17, no CDS"          "env CLUSTERCTL_CDS=off $work/p17/clusterctl --version"
add "--version, picocli 17, CDS of --help"    "$work/p17/clusterctl --version"
# What the build ships: its own launcher with the static archive trained on help, doctor and
# resolve runs (see cli/pom.xml), used where it was built.
add "--version (shipped)"                    "$target/clusterctl --version"
if [ -n "${BENCH_BEFORE:-}" ]; then
  before=$(cd "$BENCH_BEFORE" && pwd)
  for pair in "clusterctl.jsa 1-help.lst" "clusterctl-resolve.jsa 4-resolve.lst" "clusterctl-doctor.jsa doctor.lst"; do
    set -- $pair
    [ -f "$before/cds/$2" ] && CLUSTERCTL_CDS=off \
      CLUSTERCTL_JAVA_OPTS="-Xshare:dump -XX:SharedClassListFile=$before/cds/$2 -XX:SharedArchiveFile=$before/$1 -Xlog:cds=off" \
      "$before/clusterctl" --version >/dev/null 2>&1
  done
fi
while IFS= read -r extra; do
  [ -n "$extra" ] && add "$extra (shipped)" "$target/clusterctl $extra"
  [ -n "$extra" ] && [ -n "${BENCH_BEFORE:-}" ] && add "$extra (before)" "$before/clusterctl $extra"
done <<< "${BENCH_EXTRA:-}"

for name in "${order[@]}"; do ${cmd[$name]} >/dev/null 2>&1 || true; done   # warm the file cache
# Wall time of each run, and its CPU time (user + sys of the JVM and the launcher script), which
# other load on a shared machine disturbs much less than wall time.
declare -A samples cpu
for ((i = 0; i < runs; i++)); do
  for name in "${order[@]}"; do
    t0=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$work/time" ${cmd[$name]} >/dev/null 2>&1 || true
    t1=$(date +%s%N)
    samples[$name]+="$(( (t1 - t0) / 1000000 )) "
    # time(1) writes 'Command exited with non-zero status N' first when the command fails
    cpu[$name]+="$(tail -n 1 "$work/time" | awk '{printf "%d", ($1 + $2) * 1000}') "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }
floor=$(echo "${samples[${order[0]}]}" | median)
cpufloor=$(echo "${cpu[${order[0]}]}" | median)
echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $("$java" -version 2>&1 | head -1), $runs runs each"
printf '%-40s %9s %8s %9s %8s\n' "variant" "wall ms" "x floor" "cpu ms" "x floor"
for name in "${order[@]}"; do
  m=$(echo "${samples[$name]}" | median)
  c=$(echo "${cpu[$name]}" | median)
  printf '%-40s %9d %8.2f %9d %8.2f\n' "$name" "$m" "$(awk -v a="$m" -v b="$floor" 'BEGIN {printf "%.2f", a/b}')" \
    "$c" "$(awk -v a="$c" -v b="$cpufloor" 'BEGIN {printf "%.2f", (b > 0) ? a/b : 0}')"
done
