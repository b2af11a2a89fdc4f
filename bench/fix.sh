#!/usr/bin/env bash
# What planning a fix costs: cold `clusterctl doctor` (a new JVM each run) on a working set-up (no
# plan), on broken ones (one round; two rounds; a choice of two options, each proven) and with
# `--fix DIR` writing the plan, against `java Hello` in the same rounds. Runs are interleaved
# round-robin so other load hits every variant alike; prints medians and ratios.
#
#   bench/fix.sh [RUNS]     (default 15; needs ./mvnw -q -B package -DskipTests first)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-15}
bin=cli/target/clusterctl
[ -x "$bin" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
source bench/lib/named.sh
bench_work clusterctl-fix-bench
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
javac=${JAVA_HOME:+$JAVA_HOME/bin/}javac
mkdir -p "$work/hello"
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/hello/Hello.java"
"$javac" -d "$work/hello" "$work/hello/Hello.java"
export NO_COLOR=1
setups=core/src/test/resources/setups
# the kustomize set-up rendered once, so that no run times kubectl
crash=$setups/broken-gen-cluster-srv-host-type-ip
kubectl kustomize "$crash/deployment/base" > "$work/crash.yaml"

declare -A cmd
order=()
add() { order+=("$1"); cmd[$1]=$2; }
add "java Hello (JVM floor)"                        "$java -cp $work/hello Hello"
add "doctor, working (no plan)"                    "$bin doctor -f docs/examples/srv-deployment"
add "doctor, srv-no-subdomain (1 change)"          "$bin doctor -f docs/examples/broken/srv-no-subdomain"
add "doctor, gen_cluster srv+ip crash (2 rounds)"  "$bin doctor -f $work/crash.yaml --release-dir $crash"
add "doctor, two workloads (choice of 2)"          "$bin doctor -f $setups/broken-multi-workload-basename-mismatch/k8s --release-dir $setups/broken-multi-workload-basename-mismatch"
add "doctor --fix DIR, srv-no-subdomain"           "$bin doctor -f docs/examples/broken/srv-no-subdomain --fix $work/out --force"

declare -A times
for ((i = 0; i < runs; i++)); do
  for name in "${order[@]}"; do
    start=$(date +%s%N)
    ${cmd[$name]} >/dev/null 2>&1 || true
    end=$(date +%s%N)
    times[$name]+="$(((end - start) / 1000000)) "
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : int((a[NR / 2] + a[NR / 2 + 1]) / 2)}'; }
floor=$(echo "${times["java Hello (JVM floor)"]}" | median)
base=$(echo "${times["doctor, working (no plan)"]}" | median)
printf '%-46s %8s %10s %12s\n' "command ($runs runs, round-robin)" "median" "× Hello" "× no plan"
for name in "${order[@]}"; do
  m=$(echo "${times[$name]}" | median)
  printf '%-46s %6s ms %9.2f× %11.2f×\n' "$name" "$m" "$(echo "$m / $floor" | bc -l)" "$(echo "$m / $base" | bc -l)"
done
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $($java -version 2>&1 | head -1)"
