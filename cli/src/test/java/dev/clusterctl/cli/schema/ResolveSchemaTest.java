package dev.clusterctl.cli.schema;

import dev.clusterctl.cli.Cli;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.KubeDnsZones;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code resolve -o json} prints against a real BIND 9 (the zones of ResolveBindTest: SRV,
 * A, AAAA, PTR, NXDOMAIN, NODATA, truncation, targets without address, names Erlang refuses),
 * against docs/schemas/resolve.schema.json.
 */
class ResolveSchemaTest {

  private static final JsonSchemas SCHEMA = JsonSchemas.resolve();
  private static BindServer dns;

  @BeforeAll
  static void startBind() {
    dns = KubeDnsZones.start();
  }

  @AfterAll
  static void stopBind() {
    if (dns != null) {
      dns.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "_dist-erl._tcp.ledger.payments --basename ledger",
    "ledger.payments --basename ledger",
    "ledger.payments",
    "ledger.payments --search libc",
    "ledger.payments --search none --search-domains payments.svc.cluster.local",
    "ledger.payments --host-type hostname --basename ledger",
    "ledger.payments --strategy libcluster-dns --basename ledger",
    "ledger.payments.svc.cluster.local --strategy libcluster-dnssrv --basename ledger",
    "_dist-erl._tcp.dashed.payments --strategy dns-cluster --basename ledger",
    "_dist-erl._tcp.big.payments --basename ledger",
    "_dist-erl._tcp.big.payments --basename ledger --tcp",
    "_dist-erl._tcp.lonely.payments --basename ledger",
    "_dist-erl._tcp.localhost-svc.payments --basename ledger",
    "v6.payments --type aaaa --basename ledger",
    "portless.payments.svc.cluster.local. --type srv",
    "gone.payments",
    "_dist-erl._tcp.dashed.payments --host-type ip --basename ledger",
    "ledger.payments --strategy libcluster-dnspoll --basename ledger",
    "ledger.payments.svc.cluster.local --strategy libcluster-dnspoll --basename ledger",
    "ledger.payments --strategy dns-cluster --basename ledger",
    "ledger.payments --basename ledger --nameserver 127.0.0.1:1 --timeout 300ms --tries 1",
  })
  void everyKindOfAnswer(String line) {
    List<String> args = new ArrayList<>(List.of("resolve", "@" + dns.hostPort(), "--pod-namespace", "payments", "-o", "json"));
    args.addAll(List.of(line.split(" ")));
    SCHEMA.check("resolve " + line, Cli.run(args.toArray(String[]::new)).out());
  }
}
