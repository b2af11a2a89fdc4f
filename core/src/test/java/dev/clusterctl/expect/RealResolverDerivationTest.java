package dev.clusterctl.expect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.doctor.FileInputs;
import dev.clusterctl.doctor.FileSource;
import dev.clusterctl.doctor.Gathered;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.testing.RealServers;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The simulation against the real thing: BIND serves the records the simulated CoreDNS would
 * answer, a real Erlang VM resolves the example's discovery domain with {@code inet_res} and the
 * pod's search list (as gen_cluster does), and the node names it derives must equal the ones the
 * simulation derives — search-list order, REFUSED outside the zone, SRV targets without a dot.
 */
class RealResolverDerivationTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({"a-records, true", "srv-deployment, true", "srv-statefulset, true", "broken/srv-no-endpoint-pod-names, false", "broken/srv-no-subdomain, false"})
  void erlangDerivesTheNamesTheSimulationDerives(String example, boolean nodesMatch) throws Exception {
    Path named = RealServers.require("named", "bind9");
    Path erl = RealServers.require("erl", "erlang-base");
    ClusterModel model = model(example);
    Simulation sim = Expectation.simulate(model);
    Discovery.Dns dns = (Discovery.Dns) model.release().discovery().orElseThrow();
    assertThat(sim.derived()).isNotEmpty();

    try (ZoneServer server = ZoneServer.start(named, dir, model.clusterDomain(), zoneRecords(model, sim))) {
      List<String> hosts = erlangLookup(erl, server.port(), dns.query(), dns.recordType(), ResolvConf.clusterFirstSearch(model.namespace(), model.clusterDomain()));
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
    FileSource source = new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null));
    Gathered g = source.gather(new FileInputs(List.of(Path.of("..", "docs", "examples", example).toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty()));
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

  /** What {@code inet_res:getbyname/2} returns for {@code query} in a VM pointed at the test server. */
  static List<String> erlangLookup(Path erl, int port, String query, QueryType type, List<String> search) throws IOException, InterruptedException {
    String searches = String.join(", ", search.stream().map(s -> "\"" + s + "\"").toList());
    String show = type == QueryType.SRV
        ? "[io:format(\"~s~n\", [T]) || {_, _, _, T} <- L]"
        : "[io:format(\"~s~n\", [inet:ntoa(A)]) || A <- L]";
    String eval = "inet_db:set_lookup([dns]), inet_db:set_resolv_conf(\"/dev/null\"), "
        + "ok = inet_db:add_ns({127,0,0,1}, " + port + "), "
        + "[inet_db:add_search(S) || S <- [" + searches + "]], "
        + "case inet_res:getbyname(\"" + query + "\", " + (type == QueryType.SRV ? "srv" : "a") + ") of "
        + "{ok, {hostent, _, _, _, _, L}} -> " + show + "; "
        + "Other -> io:format(\"lookup failed: ~p~n\", [Other]) end.";
    Process p = new ProcessBuilder(erl.toString(), "-noshell", "-noinput", "+Bd", "-env", "ERL_CRASH_DUMP_SECONDS", "0", "-eval", eval, "-s", "init", "stop")
        .redirectErrorStream(true)
        .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("erl did not finish");
    }
    assertThat(out).as("erl output").doesNotContain("lookup failed").doesNotContain("error");
    return out.lines().filter(l -> !l.isBlank()).toList();
  }
}
