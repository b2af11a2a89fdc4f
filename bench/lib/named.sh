# Shared by the benchmarks (source it): a scratch directory cleaned up on exit, a free loopback
# port, and a BIND 9 named serving one zone file on 127.0.0.1, configured as the tests' BindServer is.

# bench_work PREFIX: sets $work to a new directory and $pids to an empty list; on exit every pid
# in $pids is killed and $work removed.
bench_work() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  pids=()
  trap bench_cleanup EXIT
}

bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}

# free_port: a TCP port free on 127.0.0.1 right now.
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

# zone_head ORIGIN: the $ORIGIN, $TTL, SOA, NS and glue lines every zone file starts with.
zone_head() {
  echo "\$ORIGIN $1."
  echo '$TTL 30'
  echo "@ IN SOA ns.$1. hostmaster.$1. 1 3600 600 86400 30"
  echo "@ IN NS ns.$1."
  echo 'ns IN A 127.0.0.1'
}

# named_conf DIR PORT ZONE FILE: writes DIR/named.conf serving ZONE from FILE on 127.0.0.1:PORT
# (no recursion, no DNSSEC, no limit on records per name: large SRV answers are served).
named_conf() {
  cat > "$1/named.conf" <<CONF
options {
  directory "$1";
  pid-file "$1/named.pid";
  session-keyfile "$1/session.key";
  listen-on port $2 { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  notify no;
  max-records-per-type 0;
};
controls { };
zone "$3" { type primary; file "$4"; };
CONF
}

# start_named DIR: runs named on DIR/named.conf in the background (log: DIR/named.log) and adds
# it to $pids.
start_named() {
  local named_bin
  named_bin=$(command -v named || echo /usr/sbin/named)
  "$named_bin" -g -c "$1/named.conf" -u root > "$1/named.log" 2>&1 &
  pids+=($!)
}
