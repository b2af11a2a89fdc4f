package dev.clusterctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.kube.ManifestReader;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A libcluster topology doctor does not simulate (the Kubernetes API strategy, DNSPoll) is the
 * release's discovery, named as what it is: not "unknown", which would ask for --strategy.
 */
class UnjudgedElixirDiscoveryTest {

  private static final String YAML = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: credits, namespace: billing}
      spec:
        replicas: 2
        selector: {matchLabels: {app: credits}}
        template:
          metadata: {labels: {app: credits}}
          spec:
            containers:
            - name: credits
              image: credits:1
      """;

  private static ClusterModel model(String configExs) {
    ReleaseFiles files = new ReleaseFiles(Optional.empty(), Optional.empty(), List.of(new NamedText("config/config.exs", configExs)), List.of(), Optional.of("credits"));
    return ModelBuilder.build(new ModelRequest(new ManifestReader().read(YAML.getBytes(StandardCharsets.UTF_8), "t.yaml"),
        Optional.empty(), Optional.empty(), Optional.empty(), files, TargetOptions.none()));
  }

  @Test
  void theKubernetesApiStrategyIsNamedAsSuch() {
    ClusterModel m = model("""
        import Config
        config :libcluster, topologies: [k8s: [strategy: Cluster.Strategy.Kubernetes,
          config: [mode: :ip, kubernetes_node_basename: "credits", kubernetes_selector: "app=credits"]]]
        """);
    assertThat(m.release().discovery()).get().isInstanceOfSatisfying(Discovery.Other.class,
        o -> assertThat(o.description()).contains("Cluster.Strategy.Kubernetes").contains("through the Kubernetes API"));
  }

  /** DNSPoll is judged as the library runs it: its own query and node_basename, A records. */
  @Test
  void dnsPollIsJudgedWithItsQueryAndBasename() {
    ClusterModel m = model("""
        import Config
        config :libcluster, topologies: [dns: [strategy: Cluster.Strategy.DNSPoll,
          config: [query: "credits.billing.svc.cluster.local", node_basename: "credits"]]]
        """);
    assertThat(m.release().discovery()).get().isInstanceOfSatisfying(Discovery.Dns.class, d -> {
      assertThat(d.strategy().id()).isEqualTo("libcluster-dnspoll");
      assertThat(d.query()).isEqualTo("credits.billing.svc.cluster.local");
      assertThat(d.origin()).contains("config/config.exs:2");
    });
    assertThat(m.release().basename()).contains("credits");
  }
}
