#!/usr/bin/env bash
# Measures `clusterctl doctor` on one large manifest stream: the shipped srv-deployment example
# plus filler objects (Services, Deployments, ConfigMaps and an unknown kind in other namespaces)
# up to N objects (default 10000), piped through stdin as `kustomize build | clusterctl doctor -f -`
# would. Prints wall time, CPU time and peak RSS of each run and the median wall time, plus the
# machine's load average (the figures mean little on a busy machine); nothing is asserted.
#
# Usage: bench/doctor-large.sh [OBJECTS] [RUNS]     (build first: ./mvnw -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."

objects=${1:-10000}
runs=${2:-5}
launcher=cli/target/clusterctl
example=docs/examples/srv-deployment
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
stream=$work/stream.yaml

# The example's own objects first, then filler until the stream holds $objects objects.
real=0
for f in "$example"/*.yaml; do
  cat "$f"; echo "---"
  real=$((real + $(grep -c '^kind:' "$f")))
done > "$stream"
filler=$((objects - real))
awk -v n="$filler" 'BEGIN {
  for (i = 0; i < n; i++) {
    ns = "team-" int(i / 40)
    k = i % 4
    if (k == 0) {
      printf "apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%d\n  namespace: %s\nspec:\n  selector:\n    app: app-%d\n  ports:\n  - name: http\n    port: 80\n    targetPort: 8080\n---\n", i, ns, i
    } else if (k == 1) {
      printf "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%d\n  namespace: %s\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app-%d\n  template:\n    metadata:\n      labels:\n        app: app-%d\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/web:%d\n        ports:\n        - containerPort: 8080\n        env:\n        - name: MODE\n          value: production\n---\n", i, ns, i, i, i
    } else if (k == 2) {
      printf "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-%d\n  namespace: %s\ndata:\n  key: value-%d\n---\n", i, ns, i
    } else {
      printf "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: widget-%d\n  namespace: %s\nspec:\n  size: %d\n---\n", i, ns, i
    }
  }
}' >> "$stream"

count=$(grep -c '^kind:' "$stream")
size=$(du -k "$stream" | cut -f1)
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "stream: $count objects, ${size} KiB; $runs runs on $(nproc) cores, $(java -version 2>&1 | head -1)"

times=()
for r in $(seq 1 "$runs"); do
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$launcher" doctor -f - \
    --sys-config "$example/config/sys.config" --vm-args "$example/config/vm.args.src" -o json \
    < "$stream" > "$work/out.json" || { code=$?; [ $code -le 1 ] || { echo "doctor exited $code" >&2; exit $code; }; }
  read -r secs kib usr sys < "$work/time"
  grep -q '"verdict" : "pass"' "$work/out.json" || { echo "unexpected verdict" >&2; exit 1; }
  echo "run $r: ${secs} s wall, $(echo "$usr + $sys" | bc) s CPU, peak RSS $((kib / 1024)) MiB"
  times+=("$secs")
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')
echo "median: ${median} s for $count objects"
