package dev.clusterctl.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.kube.ManifestReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the model picks the service, workload, Corefile and naming from what it is given. */
class ModelBuilderTest {

  private static final ManifestReader READER = new ManifestReader();

  static List<LoadedObject> objects(String yaml) {
    return READER.read(yaml.getBytes(StandardCharsets.UTF_8), "t.yaml");
  }

  static String service(String name, String ns, String app) {
    // quoted: an unquoted y or n is a YAML 1.1 boolean to kubectl, not a name
    return "apiVersion: v1\nkind: Service\nmetadata: {name: '" + name + "', namespace: '" + ns + "'}\nspec: {clusterIP: None, selector: {app: '" + app + "'}}\n---\n";
  }

  static String workload(String kind, String name, String ns, String app, String extra) {
    return "apiVersion: apps/v1\nkind: " + kind + "\nmetadata: {name: '" + name + "', namespace: '" + ns + "'}\nspec:\n" + extra
        + "  selector: {matchLabels: {app: '" + app + "'}}\n  template:\n    metadata: {labels: {app: '" + app + "'}}\n    spec:\n      containers:\n      - {name: c, image: i}\n---\n";
  }

  static ModelRequest request(String yaml, String sysConfig, TargetOptions options) {
    return new ModelRequest(objects(yaml), Optional.empty(), Optional.ofNullable(sysConfig).map(s -> SysConfig.parse(s, "sys.config")), Optional.empty(), options);
  }

  static String sys(String domain) {
    return "[{gen_cluster, [{discovery, {dns, #{domain => \"" + domain + "\", record_type => srv}}}]}].";
  }

  @Test
  void theDiscoveryDomainNamesServiceAndNamespace() {
    String yaml = service("nodes", "a", "x") + service("nodes", "b", "y") + workload("Deployment", "x", "a", "x", "") + workload("Deployment", "y", "b", "y", "");
    ClusterModel m = ModelBuilder.build(request(yaml, sys("_dist._tcp.nodes.b"), TargetOptions.none()));
    assertThat(m.namespace()).isEqualTo("b");
    assertThat(m.service()).map(ServiceInfo::subject).contains("Service/b/nodes");
    assertThat(m.workload()).map(WorkloadInfo::subject).contains("Deployment/b/y");
    assertThat(m.release().discovery()).containsInstanceOf(Discovery.Dns.class);

    ClusterModel full = ModelBuilder.build(request(yaml, sys("nodes.a.svc.cluster.local."), TargetOptions.none()));
    assertThat(full.service()).map(ServiceInfo::subject).contains("Service/a/nodes");
  }

  @Test
  void anInvalidDiscoveryDomainIsBadInputNamingWhereItCameFrom() {
    String yaml = service("nodes", "a", "x") + workload("Deployment", "x", "a", "x", "");
    TargetOptions domain = new TargetOptions(Optional.empty(), Optional.empty(), Optional.of("bad..name"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> ModelBuilder.build(request(yaml, null, domain)))
        .isInstanceOf(BadInputException.class)
        .hasMessage("--domain: invalid domain name 'bad..name': it has an empty label");
    assertThatThrownBy(() -> ModelBuilder.build(request(yaml, sys("nodes.a" + "." + "x".repeat(64)), TargetOptions.none())))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("sys.config (gen_cluster domain): invalid domain name 'nodes.a.xxx")
        .hasMessageNotContaining("\n");
    TargetOptions libcluster = new TargetOptions(Optional.of(Strategy.LIBCLUSTER_DNS), Optional.of("app"), Optional.of("nodes a"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    assertThatThrownBy(() -> ModelBuilder.build(request(yaml, null, libcluster))).isInstanceOf(BadInputException.class).hasMessageContaining("--domain");
  }

  @Test
  void withoutADomainTheOnlyHeadlessServiceIsUsedAndSaidSo() {
    ClusterModel m = ModelBuilder.build(request(service("nodes", "a", "x") + workload("StatefulSet", "x", "a", "x", "  serviceName: nodes\n"), null, TargetOptions.none()));
    assertThat(m.service()).isPresent();
    assertThat(m.workload().orElseThrow().kind()).isEqualTo(WorkloadKind.STATEFULSET);
    assertThat(m.assumptions()).anySatisfy(a -> assertThat(a.describe()).startsWith("the cluster's Service: assumed Service/a/nodes").contains("--service NAME"))
        .anySatisfy(a -> assertThat(a.describe()).startsWith("the Corefile: assumed kubeadm's default").contains("--corefile FILE"));
    assertThat(m.coredns().assumedDefault()).isTrue();
    assertThat(m.release().discovery()).isEmpty();
  }

  @Test
  void everyWorkloadTheServiceSelectsIsAMemberAndWorkloadNarrows() {
    String yaml = service("nodes", "a", "x") + workload("Deployment", "one", "a", "x", "") + workload("Deployment", "two", "a", "x", "");
    ClusterModel both = ModelBuilder.build(request(yaml, sys("nodes.a"), TargetOptions.none()));
    assertThat(both.members()).extracting(m -> m.workload().name()).containsExactly("one", "two");
    assertThat(both.notes()).anySatisfy(n -> assertThat(n).contains("selects the pods of 2 workloads").contains("judged together"));
    ClusterModel chosen = ModelBuilder.build(request(yaml, sys("nodes.a"),
        new TargetOptions(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("deploy/two"), Optional.empty(), Optional.empty())));
    assertThat(chosen.workload()).map(WorkloadInfo::name).contains("two");
    assertThat(chosen.members()).hasSize(1);
  }

  @Test
  void ambiguousWorkloadsWithoutAServiceAreListed() {
    String yaml = workload("Deployment", "one", "a", "x", "") + workload("Deployment", "two", "a", "x", "");
    assertThatThrownBy(() -> ModelBuilder.build(request(yaml, null, TargetOptions.none())))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("Deployment/a/one").hasMessageContaining("Deployment/a/two").hasMessageContaining("--workload");
  }

  @Test
  void aStatefulSetNamingTheServiceWinsOverOtherSelectedWorkloads() {
    String yaml = service("nodes", "a", "x") + workload("Deployment", "one", "a", "x", "") + workload("StatefulSet", "db", "a", "x", "  serviceName: nodes\n");
    assertThat(ModelBuilder.build(request(yaml, sys("nodes.a"), TargetOptions.none())).workload()).map(WorkloadInfo::name).contains("db");
  }

  @Test
  void anExplicitCorefileWinsOverTheConfigMapAndSetsTheClusterDomain() {
    String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: coredns, namespace: kube-system}\ndata:\n  Corefile: |\n    .:53 {\n        kubernetes cluster.local {\n           endpoint_pod_names\n        }\n    }\n---\n";
    String yaml = cm + service("nodes", "a", "x") + workload("Deployment", "x", "a", "x", "");
    ClusterModel fromMap = ModelBuilder.build(request(yaml, sys("nodes.a"), TargetOptions.none()));
    assertThat(fromMap.coredns().endpointPodNames()).isTrue();
    assertThat(fromMap.coredns().origin()).startsWith("ConfigMap/kube-system/coredns");
    ModelRequest explicit = new ModelRequest(objects(yaml), Optional.of(Corefile.parse(".:53 {\n kubernetes k8s.example {\n }\n}\n", "Corefile")),
        Optional.of(SysConfig.parse(sys("nodes.a"), "sys.config")), Optional.empty(), TargetOptions.none());
    ClusterModel m = ModelBuilder.build(explicit);
    assertThat(m.coredns().endpointPodNames()).isFalse();
    assertThat(m.clusterDomain()).isEqualTo("k8s.example");
  }

  @Test
  void releaseFileWarningsBecomeNotes() {
    String yaml = service("nodes", "a", "x") + workload("Deployment", "x", "a", "x", "");
    ModelRequest r = new ModelRequest(objects(yaml), Optional.empty(),
        Optional.of(SysConfig.parse("[{gen_cluster, [{discovery, {dns, #{domain => \"nodes.a\", recordtype => srv}}}]}].", "sys.config")),
        Optional.of(dev.clusterctl.erlang.VmArgs.parse("-name x@h.example\n-sname x\n", "vm.args")), TargetOptions.none());
    ClusterModel m = ModelBuilder.build(r);
    assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("recordtype")).anySatisfy(n -> assertThat(n).contains("-sname wins"));
  }

  @Test
  void aRepeatedObjectKeepsTheLastOneAndSaysSo() {
    String yaml = service("nodes", "a", "x") + workload("Deployment", "x", "a", "x", "") + workload("Deployment", "x", "a", "x", "  replicas: 5\n");
    ClusterModel m = ModelBuilder.build(request(yaml, sys("nodes.a"), TargetOptions.none()));
    assertThat(m.workload().orElseThrow().replicas()).isEqualTo(5);
    assertThat(m.notes()).anySatisfy(n -> assertThat(n).contains("Deployment/a/x appears more than once"));
  }

  @Test
  void secretsAndCookiesNeverShowInTheModel() {
    String sts = workload("StatefulSet", "x", "a", "x", "  serviceName: nodes\n").replace("      - {name: c, image: i}\n",
        "      - name: c\n        image: i\n        env:\n        - {name: RELEASE_COOKIE, value: s3cr3t-cookie}\n        - {name: RELEASE_NODE, value: x}\n");
    ClusterModel m = ModelBuilder.build(request(service("nodes", "a", "x") + sts, sys("nodes.a"), TargetOptions.none()));
    assertThat(m.toString()).doesNotContain("s3cr3t-cookie").contains("RELEASE_COOKIE=<redacted>");
    assertThat(dev.clusterctl.expect.Expectation.simulate(m).toString()).doesNotContain("s3cr3t-cookie");
  }

  @Test
  void elixirStrategiesBuildTheirQueryAndNaming() {
    String sts = workload("StatefulSet", "x", "a", "x", "  serviceName: nodes\n").replace("      - {name: c, image: i}\n",
        "      - name: c\n        image: i\n        env:\n        - {name: CLUSTER_DOMAIN, value: corp.local.}\n        - {name: RELEASE_DISTRIBUTION, value: name}\n");
    ClusterModel m = ModelBuilder.build(request(service("nodes", "a", "x") + sts, null,
        new TargetOptions(Optional.of(Strategy.LIBCLUSTER_DNSSRV), Optional.of("x"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    Discovery.Dns d = (Discovery.Dns) m.release().discovery().orElseThrow();
    assertThat(d.query()).isEqualTo("nodes.a.svc.corp.local.");
    assertThat(d.recordType()).isEqualTo(QueryType.SRV);
    assertThat(m.release().naming().orElseThrow().mode()).contains(NameMode.LONG);
    assertThat(m.release().elixir()).isTrue();
  }

  @Test
  void libclusterDnsSrvAsksItsNameOnceWithTheRootDotAndThroughTheSearchListWithout() {
    // issue 12: Kubernetes.DNSSRV hands "<service>.<namespace>.svc." <> CLUSTER_DOMAIN to inet_res:getbyname:
    // with the root dot it is asked once; without it, a name that fails goes on through the search list
    assertThat(tried("corp.local.")).containsExactly("nodes.a.svc.corp.local");
    assertThat(tried("corp.local")).containsExactly("nodes.a.svc.corp.local", "nodes.a.svc.corp.local.a.svc.cluster.local",
        "nodes.a.svc.corp.local.svc.cluster.local", "nodes.a.svc.corp.local.cluster.local");
  }

  private static java.util.List<String> tried(String clusterDomain) {
    String sts = workload("StatefulSet", "x", "a", "x", "  serviceName: nodes\n").replace("      - {name: c, image: i}\n",
        "      - name: c\n        image: i\n        env:\n        - {name: CLUSTER_DOMAIN, value: " + clusterDomain + "}\n"
            + "        - {name: RELEASE_DISTRIBUTION, value: name}\n");
    ClusterModel m = ModelBuilder.build(request(service("nodes", "a", "x") + sts, null,
        new TargetOptions(Optional.of(Strategy.LIBCLUSTER_DNSSRV), Optional.of("x"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    return dev.clusterctl.expect.Expectation.simulate(m).tried().stream().map(t -> t.name()).toList();
  }
}
