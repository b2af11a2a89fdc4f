package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.gather.Gathered;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.ErlangInetRes;
import dev.clusterctl.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulation against the real thing: BIND serves the records the simulated CoreDNS would
 * answer, a real Erlang VM resolves the example's discovery domain with {@code inet_res} and the
 * pod's search list (as gen_cluster does), and the node names it derives must equal the ones the
 * simulation derives — search-list order, REFUSED outside the zone, SRV targets without a dot.
 */
class RealResolverDerivationTest {

  @ParameterizedTest
  @CsvSource({"a-records, true", "srv-deployment, true", "srv-statefulset, true", "broken/srv-no-endpoint-pod-names, false", "broken/srv-no-subdomain, false"})
  void erlangDerivesTheNamesTheSimulationDerives(String example, boolean nodesMatch) throws Exception {
    RealServers.require("named", "bind9");
    RealServers.require("erl", "erlang-base");
    ClusterModel model = model(example);
    Simulation sim = Expectation.simulate(model);
    Discovery.Dns dns = (Discovery.Dns) model.release().discovery().orElseThrow();
    assertThat(sim.derived()).isNotEmpty();

    BindServer.ZoneBuilder zone = BindServer.zone(model.clusterDomain());
    zoneRecords(model, sim).forEach(zone::line);
    try (BindServer server = BindServer.start(zone.build())) {
      ErlangInetRes.Answer answer = ErlangInetRes.getbyname(server.port(),
          ResolvConf.clusterFirstSearch(model.namespace(), model.clusterDomain()), Map.of(dns.query(), dns.recordType().id()))
          .get(dns.query());
      assertThat(answer.error()).as("inet_res:getbyname error").isNull();
      List<String> hosts = answer.values();
      String base = sim.basename().orElseThrow();
      Set<String> derivedByErlang = new LinkedHashSet<>();
      for (String h : hosts) {
        derivedByErlang.add(base + "@" + h);
      }
      assertThat(derivedByErlang).containsExactlyInAnyOrderElementsOf(sim.derived());
      for (PeerRow row : sim.rows()) {
        assertThat(derivedByErlang.contains(row.self().name())).as(row.self().name() + " among " + derivedByErlang).isEqualTo(nodesMatch);
      }
    }
  }

  static ClusterModel model(String example) {
    FileSource source = new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null),
        new FileInputs(List.of(Path.of("..", "docs", "examples", example).toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
    Gathered g = source.gather();
    return ModelBuilder.build(new ModelRequest(g.objects(), g.corefile(), g.sysConfig(), g.vmArgs(), TargetOptions.none()));
  }

  /** The zone-file lines for everything the simulated CoreDNS answers about the service. */
  static List<String> zoneRecords(ClusterModel model, Simulation sim) {
    List<String> lines = new ArrayList<>();
    var svc = model.service().orElseThrow();
    String base = svc.name() + "." + svc.namespace() + ".svc." + model.clusterDomain();
    for (AddressRecord a : sim.coredns().answer(base, QueryType.A).addresses()) {
      lines.add(base + ". IN A " + a.address());
    }
    for (Endpoint e : sim.coredns().endpoints(svc)) {
      lines.add(e.name() + "." + base + ". IN A " + e.pod().ip());
    }
    for (var p : svc.ports()) {
      String name = "_" + p.name() + "._" + p.protocol().toLowerCase() + "." + base;
      for (SrvRecord r : sim.coredns().answer(name, QueryType.SRV).srv()) {
        lines.add(name + ". IN SRV " + r.priority() + " " + r.weight() + " " + r.port() + " " + r.target() + ".");
      }
    }
    return lines;
  }
}
