#!/usr/bin/env bash
# Writes a named.conf and a cluster.local zone that answers like CoreDNS for a few headless
# services in namespace "payments" (the same shape the tests use), for the benchmarks and for
# trying clusterctl by hand. Usage: bench/bind-zone.sh DIR PORT   (then: named -g -c DIR/named.conf -u root)
set -euo pipefail
. "$(dirname "$0")/lib/named.sh"
dir=$1
port=$2
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
{
  zone_head cluster.local
  for i in 0 1 2; do
    ip=10.244.0.$((5 + i))
    echo "ledger.payments.svc IN A $ip"
    echo "ledger-$i.ledger.payments.svc IN A $ip"
    echo "_dist-erl._tcp.ledger.payments.svc IN SRV 0 33 39135 ledger-$i.ledger.payments.svc.cluster.local."
  done
  for i in $(seq 0 399); do
    ip=10.245.$((i / 250)).$((i % 250 + 1))
    dashed=${ip//./-}
    echo "$dashed.big.payments.svc IN A $ip"
    echo "_dist-erl._tcp.big.payments.svc IN SRV 0 1 39135 $dashed.big.payments.svc.cluster.local."
  done
} > "$dir/cluster.local.db"
named_conf "$dir" "$port" cluster.local "$dir/cluster.local.db"
