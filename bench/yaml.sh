#!/usr/bin/env bash
# Reading large manifests: `clusterctl doctor -f FILE` against `kubectl kustomize` of the same file
# (the reference: how fast kubectl's own YAML reading is on this machine), in one run, each
# command a cold process, runs interleaved. Inputs, generated into a temporary directory:
#
#   plain-8MB, plain-50MB    many documents: the shipped srv-deployment example, then filler
#                            objects (Services, Deployments, ConfigMaps with block scalars, an
#                            unknown kind) up to the size, no anchors (so an older build reads them)
#   anchors-50MB             the same objects written with anchors and merge keys (labels shared
#                            through &labels/*labels, a sidecar merged from the main container)
#   one-line-6MB             one ConfigMap whose value is a single 6 MB line (a dashboard JSON or a
#                            base64 blob kept in one string): the case a fixed 1 KB parser buffer
#                            made quadratic
#   alias-bomb               a "billion laughs" document: must end in one line, exit 2, at once.
#                            kubectl kustomize is not run on it: it expands the aliases and grew
#                            to 23 GB of memory in 5 minutes here before the limit cut it
#
# Prints, per input, the median wall time and peak RSS of each command and the ratio
# clusterctl / kubectl. kubectl kustomize is slow on large inputs (about 90 s for 8 MB here), so it
# runs KUBECTL_RUNS times (default 1) under a limit of KUBECTL_LIMIT seconds (default 900); a run
# cut by the limit shows exit 124. INPUTS="plain-8MB alias-bomb ..." runs only those inputs.
# With BEFORE=DIR (a cli/target of an older build, e.g. a copy taken before a change), that build
# runs on the same inputs too, under a 120 s limit.
#
#   bench/yaml.sh [RUNS]        (default 5; build first: ./mvnw -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
launcher=cli/target/clusterctl
example=docs/examples/srv-deployment
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
kubectl=$(command -v kubectl) || { echo "needs kubectl (the reference)" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NO_COLOR=1

# stream BYTES ANCHORS > file: the example's objects, then filler documents until the size is reached
stream() {
  local bytes=$1 anchors=$2
  for f in "$example"/*.yaml; do cat "$f"; echo "---"; done
  awk -v limit="$bytes" -v anchors="$anchors" 'BEGIN {
    block = ""
    for (l = 0; l < 60; l++) block = block sprintf("    line %02d of a configuration file kept in a ConfigMap, long enough to be realistic\n", l)
    size = 0
    for (i = 0; size < limit; i++) {
      ns = "team-" int(i / 40)
      k = i % 4
      if (k == 0 && !anchors) {
        doc = sprintf("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%d\n  namespace: %s\n  labels:\n    app: app-%d\nspec:\n  selector:\n    app: app-%d\n  ports:\n  - name: http\n    port: 80\n    targetPort: http\n---\n", i, ns, i, i)
      } else if (k == 1 && !anchors) {
        doc = sprintf("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%d\n  namespace: %s\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: app-%d\n  template:\n    metadata:\n      labels:\n        app: app-%d\n    spec:\n      containers:\n      - name: web\n        image: registry.example.com/web:%d\n        ports:\n        - name: http\n          containerPort: 8080\n        env:\n        - name: MODE\n          value: production\n        resources: {requests: {cpu: 100m, memory: 128Mi}}\n      - name: sidecar\n        image: registry.example.com/web:%d\n        ports: []\n        env:\n        - name: MODE\n          value: production\n        resources: {requests: {cpu: 100m, memory: 128Mi}}\n---\n", i, ns, i, i, i, i)
      } else if (k == 0) {
        doc = sprintf("apiVersion: v1\nkind: Service\nmetadata:\n  name: svc-%d\n  namespace: %s\n  labels: &labels\n    app: app-%d\nspec:\n  selector: *labels\n  ports:\n  - name: &port http\n    port: 80\n    targetPort: *port\n---\n", i, ns, i)
      } else if (k == 1) {
        doc = sprintf("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-%d\n  namespace: %s\nspec:\n  replicas: 2\n  selector:\n    matchLabels: &labels\n      app: app-%d\n  template:\n    metadata:\n      labels: *labels\n    spec:\n      containers:\n      - &web\n        name: web\n        image: registry.example.com/web:%d\n        ports:\n        - name: http\n          containerPort: 8080\n        env: &env\n        - name: MODE\n          value: production\n        resources: {requests: {cpu: 100m, memory: 128Mi}}\n      - <<: *web\n        name: sidecar\n        ports: []\n---\n", i, ns, i, i)
      } else if (k == 2) {
        doc = sprintf("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg-%d\n  namespace: %s\ndata:\n  app.conf: |\n%s---\n", i, ns, block)
      } else {
        doc = sprintf("apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: widget-%d\n  namespace: %s\nspec:\n  size: %d\n  enabled: true\n---\n", i, ns, i)
      }
      printf "%s", doc
      size += length(doc)
    }
  }'
}

mkdir -p "$work/plain-8MB" "$work/plain-50MB" "$work/anchors-50MB" "$work/one-line-6MB" "$work/alias-bomb"
stream $((8 * 1024 * 1024)) 0 > "$work/plain-8MB/in.yaml"
stream $((50 * 1024 * 1024)) 0 > "$work/plain-50MB/in.yaml"
stream $((50 * 1024 * 1024)) 1 > "$work/anchors-50MB/in.yaml"
{
  for f in "$example"/*.yaml; do cat "$f"; echo "---"; done
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dashboard\n  namespace: payments\ndata:\n  dashboard.json: "'
  head -c $((6 * 1024 * 1024)) /dev/zero | tr '\0' 'x'
  printf '"\n'
} > "$work/one-line-6MB/in.yaml"
{
  for f in "$example"/*.yaml; do cat "$f"; echo "---"; done
  printf 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\n  namespace: payments\ndata:\n  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
  prev=a
  for n in b c d e f g h i; do
    printf '  %s: &%s [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n' $n $n $prev $prev $prev $prev $prev $prev $prev $prev $prev
    prev=$n
  done
} > "$work/alias-bomb/in.yaml"
for d in "$work"/*/; do printf 'resources:\n- in.yaml\n' > "$d/kustomization.yaml"; done

echo "# $(date -u +%Y-%m-%dT%H:%MZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), kubectl $("$kubectl" version --client 2>/dev/null | head -1 | sed 's/.*: //'), $runs runs each"
printf '%-14s %8s %-34s %10s %10s %6s %s\n' input MiB command "wall ms" "RSS MiB" exit "x kubectl"

median() { tr ' ' '\n' | { grep -v '^$' || true; } | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

for input in ${INPUTS:-plain-8MB plain-50MB anchors-50MB one-line-6MB alias-bomb}; do
  dir=$work/$input
  mib=$(du -m "$dir/in.yaml" | cut -f1)
  declare -A wall=() rss=() code=()
  names=("kubectl kustomize" "clusterctl doctor -f")
  [ -n "${BEFORE:-}" ] && names+=("before: clusterctl doctor -f")
  for ((r = 0; r < runs; r++)); do
    for name in "${names[@]}"; do
      if [ "$name" = "kubectl kustomize" ] && { [ $r -ge "${KUBECTL_RUNS:-1}" ] || [ "$input" = alias-bomb ]; }; then
        continue
      fi
      case $name in
        "kubectl kustomize") cmd=(timeout "${KUBECTL_LIMIT:-900}" "$kubectl" kustomize "$dir") ;;
        "clusterctl doctor -f") cmd=("$launcher" doctor -f "$dir/in.yaml" --sys-config "$example/config/sys.config" --vm-args "$example/config/vm.args.src" -o json) ;;
        *) cmd=(timeout 120 "$BEFORE/clusterctl" doctor -f "$dir/in.yaml" --sys-config "$example/config/sys.config" --vm-args "$example/config/vm.args.src" -o json) ;;
      esac
      t0=$(date +%s%N)
      set +e
      /usr/bin/time -f '%M' -o "$work/time" "${cmd[@]}" > /dev/null 2> "$work/err"
      rc=$?
      set -e
      t1=$(date +%s%N)
      wall[$name]+="$(( (t1 - t0) / 1000000 )) "
      rss[$name]+="$(( $(tail -n 1 "$work/time") / 1024 )) "
      code[$name]=$rc
      if [ $r -eq 0 ] && [ $rc -ge 2 ]; then
        echo "  ($name on $input, exit $rc: $(grep -v '^$' "$work/err" | head -1 | cut -c1-150))"
      fi
    done
  done
  ref=$(echo "${wall["kubectl kustomize"]:-}" | median)
  for name in "${names[@]}"; do
    [ -n "${wall[$name]:-}" ] || continue
    w=$(echo "${wall[$name]}" | median)
    m=$(echo "${rss[$name]}" | median)
    printf '%-14s %8s %-34s %10d %10d %6s %s\n' "$input" "$mib" "$name" "$w" "$m" "${code[$name]}" \
      "$(awk -v a="$w" -v b="$ref" 'BEGIN {printf "%.2f", (b > 0) ? a / b : 0}')"
  done
  unset wall rss code
done
