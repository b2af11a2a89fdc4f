package dev.clusterctl.elixir;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.release.Environment;
import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed discovery readings of each Elixir fixture, as its {@code why} states them. */
class ElixirDiscoveryTest {

  private static DiscoverySettings read(Fixture f, Environment runtime) {
    AppConfig config = ElixirConfig.of(f.configFiles()).release("prod", Environment.unknown(), runtime);
    List<ModuleFile> modules = new ArrayList<>();
    f.moduleFiles().forEach((path, text) -> modules.add(ModuleReader.read(text, path)));
    return ElixirDiscovery.read(config, modules);
  }

  @Test
  void libclusterKubernetesDnsFromRuntimeExs() throws Exception {
    Fixture f = Fixture.load("libcluster-k8s-dns");
    DiscoverySettings d = read(f, Environment.complete(f.env()));
    assertThat(d.topologies()).singleElement().satisfies(t -> {
      assertThat(t.name()).isEqualTo("k8s");
      assertThat(t.kind()).isEqualTo(StrategyKind.KUBERNETES_DNS);
      assertThat(t.kind().discovery()).isEqualTo(StrategyKind.Discovery.DNS);
      assertThat(t.service().text()).contains("shop-headless");
      assertThat(t.service().origin()).isEqualTo(Origin.file("config/runtime.exs", 28));
      assertThat(t.applicationName().text()).contains("shop");
      assertThat(t.pollingInterval().integer()).hasValue(10_000);
      assertThat(t.startedAt()).contains(Origin.file("lib/shop/application.ex", 12));
      assertThat(t.problems()).isEmpty();
    });
    assertThat(d.dnsClusters()).isEmpty();

    DiscoverySettings fromEnv = read(f, Environment.complete(Map.of("CLUSTER_SERVICE", "shop-nodes")));
    assertThat(fromEnv.topologies().get(0).service().text()).contains("shop-nodes");
    assertThat(fromEnv.topologies().get(0).service().origin()).isEqualTo(Origin.env("CLUSTER_SERVICE"));

    DiscoverySettings open = read(f, Environment.unknown());
    Setting service = open.topologies().get(0).service();
    assertThat(service.state()).isEqualTo(Setting.State.UNKNOWN);
    assertThat(service.why()).contains("CLUSTER_SERVICE").contains("the image may set it");
    assertThat(service.defaultedVariables()).as("System.get_env with a default, read at boot").containsExactly("CLUSTER_SERVICE");
    assertThat(open.topologies().get(0).applicationName().text()).contains("shop");
  }

  @Test
  void buildTimeEnvironmentIsNeverTakenFromThePod() throws Exception {
    Fixture f = Fixture.load("libcluster-dnssrv-build-time");
    DiscoverySettings d = read(f, Environment.complete(f.env()));
    LibclusterTopology t = d.topologies().get(0);
    assertThat(t.kind()).isEqualTo(StrategyKind.KUBERNETES_DNSSRV);
    assertThat(t.service().state()).isEqualTo(Setting.State.UNKNOWN);
    assertThat(t.service().why()).contains("read when the release is built (config/prod.exs:9)");
    assertThat(t.service().defaultedVariables()).as("read at build time: no default settles it").isEmpty();
    assertThat(t.namespace().state()).isEqualTo(Setting.State.UNKNOWN);
    assertThat(t.applicationName().text()).contains("ledger");
    assertThat(t.clusterDomain().text()).contains("cluster.local.");
    assertThat(t.clusterDomain().state()).isEqualTo(Setting.State.DEFAULT);
    assertThat(t.startedAt()).contains(Origin.file("lib/ledger/application.ex", 8));

    AppConfig built = ElixirConfig.of(f.configFiles()).release("prod", Environment.complete(f.env()), Environment.complete(Map.of()));
    LibclusterTopology known = ElixirDiscovery.read(built, List.of()).topologies().get(0);
    assertThat(known.service().text()).contains("ledger-headless");
    assertThat(known.namespace().text()).contains("payments");
    assertThat(known.startedAt()).isEmpty();
  }

  @Test
  void dnsClusterAsPhoenixGeneratesIt() throws Exception {
    Fixture f = Fixture.load("dns-cluster-phoenix");
    DnsClusterSpec set = read(f, Environment.complete(f.env())).dnsClusters().get(0);
    assertThat(set.ignored()).isFalse();
    assertThat(set.queries()).singleElement().satisfies(q -> {
      assertThat(q.name()).isEqualTo("chat-headless.default.svc.cluster.local");
      assertThat(q.basename()).isEmpty();
      assertThat(q.origin()).isEqualTo(Origin.env("DNS_CLUSTER_QUERY"));
    });
    assertThat(set.interval().integer()).hasValue(5000);
    assertThat(set.resourceTypes().state()).isEqualTo(Setting.State.DEFAULT);
    assertThat(set.origin()).isEqualTo(Origin.file("lib/chat/application.ex", 12));
    assertThat(set.problems()).isEmpty();

    DnsClusterSpec unset = read(f, Environment.complete(Map.of("SECRET_KEY_BASE", "k"))).dnsClusters().get(0);
    assertThat(unset.ignored()).isTrue();
    assertThat(unset.query().origin()).isEqualTo(Origin.file("lib/chat/application.ex", 12));

    DnsClusterSpec open = read(f, Environment.unknown()).dnsClusters().get(0);
    assertThat(open.query().state()).isEqualTo(Setting.State.UNKNOWN);
    assertThat(open.query().why()).contains("DNS_CLUSTER_QUERY");
  }

  @Test
  void topologiesWrittenInTheModule() throws Exception {
    Fixture f = Fixture.load("libcluster-k8s-api-module");
    DiscoverySettings d = read(f, Environment.complete(Map.of("ORDERS_SERVICE", "orders-headless", "NODE_BASENAME", "pod-env")));
    assertThat(d.topologies()).extracting(LibclusterTopology::name).containsExactly("api", "dns");
    LibclusterTopology api = d.topologies().get(0);
    assertThat(api.kind()).isEqualTo(StrategyKind.KUBERNETES_API);
    assertThat(api.kind().discovery()).isEqualTo(StrategyKind.Discovery.KUBERNETES_API);
    assertThat(api.mode().atom()).contains("dns");
    assertThat(api.kubernetesSelector().text()).contains("app=orders");
    assertThat(api.kubernetesNodeBasename().state()).isEqualTo(Setting.State.UNKNOWN);
    assertThat(api.kubernetesNodeBasename().why()).contains("read when the release is built");
    assertThat(api.kubernetesIpLookupMode().state()).isEqualTo(Setting.State.DEFAULT);
    assertThat(api.kubernetesIpLookupMode().atom()).contains("endpoints");
    assertThat(api.clusterDomain().text()).contains("cluster.local");
    LibclusterTopology dns = d.topologies().get(1);
    assertThat(dns.kind()).isEqualTo(StrategyKind.KUBERNETES_DNS);
    assertThat(dns.service().text()).contains("orders-headless");
    assertThat(dns.service().origin()).isEqualTo(Origin.env("ORDERS_SERVICE"));
    assertThat(dns.applicationName().text()).contains("orders");
  }

  @Test
  void runtimeExsDeepMergesIntoConfigExs() throws Exception {
    Fixture f = Fixture.load("dnspoll-deep-merge");
    LibclusterTopology t = read(f, Environment.complete(f.env())).topologies().get(0);
    assertThat(t.kind()).isEqualTo(StrategyKind.DNS_POLL);
    assertThat(t.query().text()).contains("worker-headless.jobs.svc.cluster.local");
    assertThat(t.query().origin()).isEqualTo(Origin.env("DNS_POLL_QUERY"));
    assertThat(t.nodeBasename().text()).contains("worker");
    assertThat(t.nodeBasename().origin()).isEqualTo(Origin.file("config/config.exs", 10));
    assertThat(t.pollingInterval().integer()).hasValue(5000);
    assertThat(t.pollingInterval().state()).isEqualTo(Setting.State.SET);

    LibclusterTopology unset = read(f, Environment.complete(Map.of())).topologies().get(0);
    assertThat(unset.query().state()).isEqualTo(Setting.State.RAISES);
    assertThat(unset.query().why()).contains("DNS_POLL_QUERY is not set");
  }

  @Test
  void missingRequiredOptionsAreProblemsNotDefaults() {
    AppConfig config = ElixirConfig.of(Map.of("config/config.exs", """
        import Config
        config :libcluster, topologies: [
          a: [strategy: Cluster.Strategy.Kubernetes.DNS, config: [service: "svc"]],
          b: [strategy: Cluster.Strategy.DNSPoll, config: [query: 'charlist', node_basename: "app"]],
          c: [config: []],
          d: [strategy: MyApp.CustomStrategy]
        ]
        """)).release("prod", Environment.unknown(), Environment.unknown());
    DiscoverySettings d = ElixirDiscovery.read(config, List.of());
    assertThat(d.topologies().get(0).applicationName().state()).isEqualTo(Setting.State.MISSING);
    assertThat(d.topologies().get(0).problems()).singleElement().asString().contains("application_name is not set");
    assertThat(d.topologies().get(1).problems()).singleElement().asString().contains("query must be a non-empty string");
    assertThat(d.topologies().get(2).problems()).singleElement().asString().contains("has no strategy");
    assertThat(d.topologies().get(3).kind()).isEqualTo(StrategyKind.OTHER);
    assertThat(d.notes()).anySatisfy(n -> assertThat(n.what()).contains("the application modules were not read"));
  }
}
