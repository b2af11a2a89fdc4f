#!/bin/sh
# clusterctl doctor against fabric8's mock API server (in-process, CRUD mode) holding the
# srv-deployment example with N pods and their EndpointSlice: time, API requests and heap per run.
# Usage: bench/doctor-api.sh [PODS] [RUNS]   (default 2000 5; builds core's classes and tests first)
set -eu
cd "$(dirname "$0")/.."
PODS=${1:-2000}
RUNS=${2:-5}
[ -d core/target/test-classes/dev/clusterctl/testing ] || ./mvnw -q -B -pl core test-compile
CP_FILE=core/target/bench-classpath.txt
[ -f "$CP_FILE" ] || ./mvnw -q -B -pl core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$(pwd)/$CP_FILE"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $(java -version 2>&1 | head -1)"
/usr/bin/time -f "process: %e s wall, %U s user, %S s sys, peak RSS %M KiB" \
  java -Xmx512m -cp "core/target/classes:core/target/test-classes:$(cat "$CP_FILE")" bench/DoctorApiBench.java "$PODS" "$RUNS"
