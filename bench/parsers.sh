#!/bin/sh
# Parse speed of the Corefile, sys.config and vm.args parsers on large synthetic inputs.
# Usage: bench/parsers.sh   (builds core first when its classes are missing)
set -eu
cd "$(dirname "$0")/.."
[ -d core/target/classes/dev/clusterctl/coredns ] || ./mvnw -q -B -pl core compile
exec java -Xmx512m -cp core/target/classes bench/ParsersBench.java
