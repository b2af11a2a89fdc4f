package dev.clusterctl.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.expect.Expectation;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.kube.ManifestReader;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The node name and discovery settings read from wherever the release sets them, per pod. */
class ReleaseSourcesTest {

  private static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: shop-headless, namespace: prod}
      spec:
        clusterIP: None
        selector: {app: shop}
      ---
      """;

  private static List<LoadedObject> objects(String yaml) {
    return new ManifestReader().read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml");
  }

  /** A Deployment of 3 pods whose one container has {@code containerExtra} (indented for the container). */
  private static String deployment(String containerExtra) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: shop, namespace: prod}
        spec:
          replicas: 3
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              containers:
              - name: shop
                image: shop:1
        """ + containerExtra.indent(8);
  }

  private static ClusterModel model(String yaml, ReleaseFiles files) {
    return ModelBuilder.build(new ModelRequest(objects(yaml), Optional.empty(), Optional.empty(), Optional.empty(), files, TargetOptions.none()));
  }

  private static List<String> ownNames(ClusterModel m) {
    return Expectation.simulate(m).rows().stream().map(PeerRow::self).map(RenderedName::name).toList();
  }

  private static final String POD_IP = """
      env:
      - name: POD_IP
        valueFrom: {fieldRef: {fieldPath: status.podIP}}
      """;

  @Test
  void anEnvShEexNamesEachPodByItsIp() {
    String envSh = """
        #!/bin/sh
        export RELEASE_DISTRIBUTION=name
        export RELEASE_NODE=<%= @release.name %>@${POD_IP}
        """;
    ReleaseFiles files = new ReleaseFiles(Optional.of(new NamedText("rel/env.sh.eex", envSh)), Optional.empty(), List.of(), List.of(), Optional.of("shop"));
    ClusterModel m = model(SERVICE + deployment(POD_IP), files);
    NodeNaming naming = m.release().naming().orElseThrow();
    assertThat(naming.mode()).contains(NameMode.LONG);
    assertThat(naming.origin()).startsWith("rel/env.sh.eex:3");
    assertThat(ownNames(m)).containsExactly("shop@10.244.0.10", "shop@10.244.0.11", "shop@10.244.0.12");
    assertThat(m.assumptions()).filteredOn(a -> !a.softens()).isNotEmpty();
    assertThat(m.assumptions()).filteredOn(a -> a.topic() == Assumption.Topic.NODE_NAME && a.softens()).isEmpty();
  }

  @Test
  void anEnvShFromAConfigMapSourcedByTheCommandRunsWithThePodsHostNames() {
    String yaml = """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cluster-env, namespace: prod}
        data:
          env.sh: |
            export RELEASE_DISTRIBUTION=name
            export RELEASE_NODE=shop@$(hostname -f)
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: shop, namespace: prod}
        spec:
          clusterIP: None
          selector: {app: shop}
        ---
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: shop, namespace: prod}
        spec:
          serviceName: shop
          replicas: 2
          selector: {matchLabels: {app: shop}}
          template:
            metadata: {labels: {app: shop}}
            spec:
              volumes:
              - name: env
                configMap: {name: cluster-env}
              containers:
              - name: shop
                image: shop:1
                command: ["/bin/sh", "-c", ". /etc/cluster/env.sh && exec /app/bin/shop start"]
                volumeMounts:
                - {name: env, mountPath: /etc/cluster}
        """;
    ClusterModel m = model(yaml, ReleaseFiles.none());
    assertThat(m.release().naming().orElseThrow().mode()).contains(NameMode.LONG);
    assertThat(ownNames(m)).containsExactly("shop@shop-0.shop.prod.svc.cluster.local", "shop@shop-1.shop.prod.svc.cluster.local");
  }

  @Test
  void erlFlagsNameTheNodeWithKubernetesExpansion() {
    String env = POD_IP + """
        - name: ERL_FLAGS
          value: "-name shop@$(POD_IP) -setcookie $(COOKIE)"
        """;
    ClusterModel m = model(SERVICE + deployment(env), ReleaseFiles.none());
    assertThat(m.release().naming().orElseThrow().mode()).contains(NameMode.LONG);
    assertThat(ownNames(m)).first().isEqualTo("shop@10.244.0.10");
  }

  @Test
  void aPlainVmArgsWithVariablesIsTakenAsRenderedAndSaysSo() {
    String vm = "-name shop@${POD_IP}\n-setcookie shop\n";
    ReleaseFiles files = new ReleaseFiles(Optional.empty(), Optional.of(new NamedText("config/vm.args", vm)), List.of(), List.of(), Optional.of("shop"));
    ClusterModel m = ModelBuilder.build(new ModelRequest(objects(SERVICE + deployment(POD_IP)), Optional.empty(), Optional.empty(),
        Optional.of(VmArgs.parse(vm, "config/vm.args")), files, TargetOptions.none()));
    assertThat(ownNames(m)).first().isEqualTo("shop@10.244.0.10");
    assertThat(m.assumptions()).anySatisfy(a -> {
      assertThat(a.what()).isEqualTo("RELX_REPLACE_OS_VARS");
      assertThat(a.softens()).isTrue();
      assertThat(a.alternatives()).extracting(Assumption.Alternative::value).containsExactly("unset");
    });
    ClusterModel unset = m.assumptions().stream().filter(a -> a.what().equals("RELX_REPLACE_OS_VARS")).findFirst().orElseThrow()
        .alternatives().get(0).apply().apply(m);
    assertThat(ownNames(unset)).first().isEqualTo("shop@${POD_IP}");
  }

  @Test
  void aLibclusterTopologyInRuntimeExsSuppliesTheDiscovery() {
    String runtime = """
        import Config

        if config_env() == :prod do
          config :libcluster,
            topologies: [
              k8s: [
                strategy: Cluster.Strategy.Kubernetes.DNS,
                config: [service: "shop-headless", application_name: "shop"]
              ]
            ]
        end
        """;
    ReleaseFiles files = new ReleaseFiles(Optional.empty(), Optional.empty(), List.of(new NamedText("/src/shop/config/runtime.exs", runtime)), List.of(),
        Optional.of("shop"));
    ClusterModel m = model(SERVICE + deployment(POD_IP + "- {name: RELEASE_DISTRIBUTION, value: name}\n- {name: RELEASE_NODE, value: shop@$(POD_IP)}\n"), files);
    Discovery.Dns dns = (Discovery.Dns) m.release().discovery().orElseThrow();
    assertThat(dns.strategy()).isEqualTo(Strategy.LIBCLUSTER_DNS);
    assertThat(dns.origin()).contains("config/runtime.exs:6");
    assertThat(m.release().basename()).contains("shop");
    assertThat(Expectation.simulate(m).rows()).allSatisfy(r -> assertThat(r.matches()).as(r.toString()).isTrue());
  }

  @Test
  void aDnsPollTopologyIsJudgedAsLibclusterDnsPollWithItsQueryAndBasename() {
    // issue 12: DNSPoll is modelled (inet_res:lookup of A and AAAA, no search list) instead of left unjudged
    String runtime = """
        import Config
        config :libcluster,
          topologies: [
            poll: [
              strategy: Cluster.Strategy.DNSPoll,
              config: [query: "shop-headless.prod.svc.cluster.local", node_basename: "shop"]
            ]
          ]
        """;
    ReleaseFiles files = new ReleaseFiles(Optional.empty(), Optional.empty(), List.of(new NamedText("/src/shop/config/runtime.exs", runtime)), List.of(),
        Optional.of("shop"));
    ClusterModel m = model(SERVICE + deployment(POD_IP + "- {name: RELEASE_DISTRIBUTION, value: name}\n- {name: RELEASE_NODE, value: shop@$(POD_IP)}\n"), files);
    Discovery.Dns dns = (Discovery.Dns) m.release().discovery().orElseThrow();
    assertThat(dns.strategy()).isEqualTo(Strategy.LIBCLUSTER_DNSPOLL);
    assertThat(dns.query()).isEqualTo("shop-headless.prod.svc.cluster.local");
    assertThat(m.release().basename()).contains("shop");
    assertThat(Expectation.simulate(m).tried()).extracting(a -> a.name()).containsExactly("shop-headless.prod.svc.cluster.local");
  }

  @Test
  void aKubernetesApiTopologyIsNamedAndNotTakenForDns() {
    String config = """
        import Config
        config :libcluster,
          topologies: [
            k8s: [
              strategy: Cluster.Strategy.Kubernetes,
              config: [kubernetes_selector: "app=shop", kubernetes_node_basename: "shop"]
            ]
          ]
        """;
    ReleaseFiles files = new ReleaseFiles(Optional.empty(), Optional.empty(), List.of(new NamedText("config/config.exs", config)), List.of(), Optional.empty());
    ClusterModel m = model(SERVICE + deployment(POD_IP), files);
    // named as the release's discovery, of a kind the DNS checks do not judge (not left unknown, which asks for --strategy)
    assertThat(m.release().discovery()).get().isInstanceOf(Discovery.Other.class).isNotInstanceOf(Discovery.Dns.class);
    assertThat(m.notes()).anyMatch(n -> n.contains("through the Kubernetes API") && n.contains("not judged") || n.contains("do not judge"));
  }
}
