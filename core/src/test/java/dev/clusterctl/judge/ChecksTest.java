package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.report.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each check's pass, warn, fail and skip paths beyond what the shipped examples cover. */
class ChecksTest {

  /** kubeadm's Corefile, given explicitly (so nothing about CoreDNS is assumed). */
  static final String KUBEADM_COREFILE = ".:53 {\n kubernetes cluster.local in-addr.arpa ip6.arpa {\n  pods insecure\n  fallthrough in-addr.arpa ip6.arpa\n  ttl 30\n }\n reload\n}\n";

  static final String SRV_DEPLOY = Fixture.SERVICE + "---\n" + Fixture.deployment("subdomain: app-dist", "");

  @Test
  void theBaselineAFixturePassesEveryCheck() {
    List<CheckResult> rs = Judge.run(DoctorContext.of(Fixture.a().model()), CheckRegistry.standard().all());
    assertThat(rs).allSatisfy(r -> assertThat(r.status()).as(r.id() + ": " + r.message()).isIn(Status.PASS, Status.SKIP));
  }

  @Test
  void serviceExistsFailsListingTheServicesFound() {
    CheckResult r = Fixture.a().sys("[{gen_cluster, [{discovery, {dns, #{domain => \"nodes.ns\"}}}]}].").run("service-exists");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("no Service nodes in namespace ns");
    assertThat(r.evidence()).anySatisfy(e -> assertThat(e.value()).contains("Service/ns/app-dist"));
    assertThat(r.remediation().orElseThrow().snippet()).contains("clusterIP: None").contains("name: nodes");
  }

  @Test
  void serviceSelectsPodsShowsSelectorBesideLabels() {
    String yaml = Fixture.SERVICE.replace("selector: {app: app}", "selector: {app: web}") + "---\n" + Fixture.deployment("", "");
    CheckResult r = Fixture.a().yaml(yaml).run("service-selects-pods");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.evidence()).extracting(Evidence::value).contains("{app=web}", "{app=app}");
  }

  @Test
  void targetPortNamingNoContainerPortFails() {
    String yaml = Fixture.SERVICE.replace("targetPort: dist-erl", "targetPort: erlang") + "---\n" + Fixture.deployment("subdomain: app-dist", "");
    CheckResult r = Fixture.a().yaml(yaml).sys(Fixture.SYS_SRV).run("service-target-port");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("'erlang'");
  }

  @Test
  void targetPortOtherThanTheDistributionPortWarns() {
    String yaml = Fixture.SERVICE.replace("targetPort: dist-erl", "targetPort: 4369") + "---\n" + Fixture.deployment("subdomain: app-dist", "");
    CheckResult r = Fixture.a().yaml(yaml).sys(Fixture.SYS_SRV).run("service-target-port");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.message()).contains("4369").contains("39135");
  }

  /** With A records discovery reads no Service port: a port that carries other traffic (HTTP) is left alone. */
  @Test
  void aPortDiscoveryDoesNotReadIsNotJudged() {
    String yaml = Fixture.SERVICE.replace("targetPort: dist-erl", "targetPort: 4369") + "---\n" + Fixture.deployment("", "");
    CheckResult r = Fixture.a().yaml(yaml).run("service-target-port");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.remediation()).isEmpty();
  }

  @Test
  void aPortDiscoveryDoesNotReadCarriesOtherTrafficAndIsNotJudged() {
    // A records: no service port is read, so the epmd port targeting 4369 is right (issue 11, section 6)
    String yaml = Fixture.SERVICE.replace("ports: [{name: dist-erl, port: 39135, targetPort: dist-erl}]",
        "ports: [{name: epmd, port: 4369, targetPort: 4369}, {name: dist-erl, port: 39135, targetPort: dist-erl}]") + "---\n" + Fixture.deployment("", "");
    CheckResult r = Fixture.a().yaml(yaml).run("service-target-port");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.message()).contains("port epmd (4369) carries other traffic").contains("discovery reads no service port");
  }

  @Test
  void nodeNameFailsWhenTheRelxScriptStopsOnAVmArgsWithoutName() {
    // relx's extended start script refuses a vm.args without exactly one -name/-sname line before
    // erlexec runs, so an ERL_AFLAGS -name is never read
    String yaml = Fixture.SERVICE + "---\n" + Fixture.deployment("", "- {name: ERL_AFLAGS, value: \"-name app@$(NODE_HOST)\"}");
    CheckResult r = Fixture.a().yaml(yaml).vm("-setcookie monster\n").run("node-name");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("does not start").contains("need to have exactly one of either -name or -sname");
  }

  @Test
  void aKubernetesVariableDefinedLaterStaysTextAndNodeNameSaysWhy() {
    String env = """
        - {name: RELEASE_DISTRIBUTION, value: name}
        - {name: RELEASE_NODE, value: "app@$(MY_IP)"}
        - name: MY_IP
          valueFrom: {fieldRef: {fieldPath: status.podIP}}
        """;
    String yaml = Fixture.SERVICE + "---\n" + Fixture.deployment("", env);
    CheckResult r = Fixture.a().yaml(yaml).sys(null).vm(null).strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-name");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("app@$(MY_IP)").contains("only when MY_IP is defined earlier");
    assertThat(r.remediation()).get().extracting(Remediation::text).asString().contains("Define MY_IP above");
  }

  @Test
  void podSubdomainNeededOnlyByAnAssumedNodeNameWarns() {
    // libcluster by IP; the node's naming is not among the inputs, so mix release's default (sname,
    // host name) is assumed: a missing subdomain would matter only under that assumption
    CheckResult r = Fixture.a().sys(null).vm(null).strategy(Strategy.LIBCLUSTER_DNS, "app").run("pod-subdomain");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.message()).startsWith("unsure:").contains("RELEASE_");
  }

  @Test
  void readinessProbeWithoutPublishNotReadyWarnsWithTheStartUpAnswer() {
    String withProbe = Fixture.SERVICE + "---\n" + Fixture.deployment("", "").replace("        env:\n", "        readinessProbe: {httpGet: {path: /ready, port: 8080}}\n        env:\n");
    CheckResult warn = Fixture.a().yaml(withProbe).run("service-publish-not-ready");
    assertThat(warn.status()).isEqualTo(Status.WARN);
    assertThat(warn.evidence()).extracting(Evidence::value).anySatisfy(v -> assertThat(v).contains("NXDOMAIN"));
    CheckResult pass = Fixture.a().yaml(withProbe.replace("clusterIP: None", "clusterIP: None\n  publishNotReadyAddresses: true")).run("service-publish-not-ready");
    assertThat(pass.status()).isEqualTo(Status.PASS);
  }

  @Test
  void podNameLengthPassesForALongDeploymentBecauseTheApiServerCutsGeneratedNames() {
    String longName = "a-very-long-deployment-name-for-the-ledger-service";
    String yaml = SRV_DEPLOY.replace("metadata: {name: app, namespace: ns}", "metadata: {name: " + longName + ", namespace: ns}");
    Fixture hostNames = Fixture.a().yaml(yaml).sys(Fixture.SYS_SRV).vm("-name app\n");
    CheckResult r = hostNames.run("pod-name-length");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.message()).contains("63 characters").doesNotContain("17");
    assertThat(hostNames.run("node-name").message()).doesNotContain("every pod calls itself");
    assertThat(Fixture.a().yaml(yaml).run("pod-name-length").status()).isEqualTo(Status.PASS);
  }

  @Test
  void podNameLengthFailsForALongStatefulSetWhenHostNamesAreUsed() {
    String sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: %s, namespace: ns}
        spec:
          serviceName: app-dist
          replicas: 2
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec:
              containers:
              - name: app
                image: app:1
                ports: [{name: dist-erl, containerPort: 39135}]
                env:
                - {name: ERL_DIST_PORT, value: "39135"}
                - name: NODE_HOST
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
        """.formatted("s".repeat(62));
    String yaml = Fixture.SERVICE + "---\n" + sts;
    CheckResult r = Fixture.a().yaml(yaml).sys(Fixture.SYS_SRV).vm("-name app\n").run("pod-name-length");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("64 characters");
    assertThat(r.remediation().orElseThrow().text()).contains("StatefulSet name to at most 60");
    assertThat(Fixture.a().yaml(yaml).run("pod-name-length").status()).isEqualTo(Status.WARN);
  }

  @Test
  void clusterDomainMismatches() {
    CheckResult query = Fixture.a().sys("[{gen_cluster, [{discovery, {dns, #{domain => \"app-dist.ns.svc.cluster.local\"}}}]}].")
        .corefile(".:53 {\n  kubernetes k8s.example in-addr.arpa {\n  }\n}\n").run("coredns-cluster-domain");
    assertThat(query.status()).isEqualTo(Status.FAIL);
    assertThat(query.message()).contains("names zone cluster.local").contains("k8s.example");
    CheckResult kubelet = Fixture.a().clusterDomain("corp.internal").run("coredns-cluster-domain");
    assertThat(kubelet.status()).isEqualTo(Status.FAIL);
    assertThat(kubelet.message()).contains("corp.internal");
  }

  @Test
  void corefileWithoutReloadWarns() {
    CheckResult r = Fixture.a().corefile(".:53 {\n  kubernetes cluster.local {\n    endpoint_pod_names\n  }\n}\n").run("coredns-reload");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.remediation().orElseThrow().snippet()).contains("rollout restart deployment coredns");
    assertThat(Fixture.a().run("coredns-reload").status()).isEqualTo(Status.SKIP);
  }

  @Test
  void aQueryOutsideTheClusterZoneFindsNothing() {
    CheckResult r = Fixture.a().sys("[{gen_cluster, [{discovery, {dns, #{domain => \"app-dist.ns.svc.example.org.\"}}}]}].").run("discovery-query-resolves");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.evidence()).anySatisfy(e -> assertThat(e.value()).contains("NOT_IN_CLUSTER_ZONE"));
  }

  @Test
  void discoveryQueryShowsTheNamesErlangTriesAndTheAnswer() {
    CheckResult r = Fixture.a().run("discovery-query-resolves");
    assertThat(r.status()).isEqualTo(Status.PASS);
    assertThat(r.evidence()).extracting(Evidence::value)
        .anySatisfy(v -> assertThat(v).isEqualTo("app-dist.ns → NOT_IN_CLUSTER_ZONE; app-dist.ns.ns.svc.cluster.local → NXDOMAIN; app-dist.ns.svc.cluster.local → NOERROR"))
        .anySatisfy(v -> assertThat(v).isEqualTo("app-dist.ns.svc.cluster.local. 30 IN A 10.244.0.10"));
  }

  @Test
  void nodeNameRules() {
    assertThat(Fixture.a().vm("-name app@${POD_IP}\n").run("node-name").message()).contains("${POD_IP}", "POD_IP");
    assertThat(Fixture.a().vm("-name app@localhost\n").run("node-name").message()).contains("localhost");
    CheckResult same = Fixture.a().vm("-name app@app.example.com\n").run("node-name");
    assertThat(same.status()).isEqualTo(Status.FAIL);
    assertThat(same.message()).contains("every pod calls itself app@app.example.com");
    CheckResult shortIp = Fixture.a().vm("-sname app\n").run("node-name");
    assertThat(shortIp.status()).isEqualTo(Status.FAIL);
    assertThat(shortIp.message()).contains("app@10.244.0.10").contains("-sname");
  }

  @Test
  void hostNameVersusIpIsExplainedAndFixed() {
    CheckResult r = Fixture.a().yaml(SRV_DEPLOY).vm("-name app\n").run("node-host-matches-dns");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("peers use the pod IP, the node calls itself by host name");
    assertThat(r.names()).hasSize(3).allSatisfy(p -> assertThat(p.equal()).isFalse());
    assertThat(r.names().get(0).peersUse()).isEqualTo("app@10.244.0.10");
    assertThat(r.remediation().orElseThrow().snippet()).contains("status.podIP");
  }

  @Test
  void hostNameVersusIpRemediationFollowsTheReleaseAndStrategy() {
    CheckResult erlang = Fixture.a().yaml(SRV_DEPLOY).vm("-name app\n").run("node-host-matches-dns");
    assertThat(erlang.remediation().orElseThrow().language()).isEqualTo("vm.args");
    assertThat(erlang.remediation().orElseThrow().snippet()).contains("-name app@${NODE_HOST}");

    String elixirByHost = Fixture.SERVICE + "---\n" + Fixture.deployment("subdomain: app-dist", """
        - {name: RELEASE_DISTRIBUTION, value: name}
        - {name: RELEASE_NODE, value: app}""");
    CheckResult elixir = Fixture.a().yaml(elixirByHost).sys(null).vm(null).strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-host-matches-dns");
    assertThat(elixir.status()).as(elixir.message()).isEqualTo(Status.FAIL);
    assertThat(elixir.message()).contains("peers use the pod IP");
    Remediation byIp = elixir.remediation().orElseThrow();
    // the fixture's container already holds the pod IP in NODE_HOST, which the fix reuses (ordered first)
    assertThat(byIp.snippet()).contains("RELEASE_DISTRIBUTION", "value: name", "RELEASE_NODE", "app@$(NODE_HOST)", "status.podIP", "$setElementOrder/env")
        .doesNotContain("vm.args").doesNotContain("-name ");

    String elixirByIp = Fixture.SERVICE + "---\n" + Fixture.deployment("subdomain: app-dist", """
        - name: POD_IP
          valueFrom: {fieldRef: {fieldPath: status.podIP}}
        - {name: RELEASE_DISTRIBUTION, value: name}
        - {name: RELEASE_NODE, value: app@$(POD_IP)}""");
    CheckResult srv = Fixture.a().yaml(elixirByIp).sys(null).vm(null).strategy(Strategy.LIBCLUSTER_DNSSRV, "app").run("node-host-matches-dns");
    assertThat(srv.status()).as(srv.message()).isEqualTo(Status.FAIL);
    assertThat(srv.message()).contains("peers use a host name, the node calls itself by IP");
    Remediation addresses = srv.remediation().orElseThrow();
    assertThat(addresses.language()).isEqualTo("elixir");
    assertThat(addresses.snippet()).contains("Cluster.Strategy.Kubernetes.DNS", "service: \"app-dist.ns.svc.cluster.local\"", "application_name: \"app\"")
        .doesNotContain("gen_cluster");
    assertThat(addresses.text()).contains("RELEASE_NODE=app@$(hostname -f)").doesNotContain("-name");

    CheckResult shortNames = Fixture.a().yaml(elixirByHost.replace("value: name}", "value: sname}")).sys(null).vm(null)
        .strategy(Strategy.LIBCLUSTER_DNSSRV, "app").run("node-host-matches-dns");
    assertThat(shortNames.status()).as(shortNames.message()).isEqualTo(Status.FAIL);
    assertThat(shortNames.remediation().orElseThrow().snippet()).contains("RELEASE_DISTRIBUTION=name").doesNotContain("-name");
  }

  @Test
  void ipv6DiscoveryUsesIpv6ExamplePods() {
    Fixture f = Fixture.a().sys("[{gen_cluster, [{discovery, {dns, #{domain => \"app-dist.ns\", ipv6 => true}}}]}].");
    CheckResult r = f.run("node-host-matches-dns");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.names().get(0).peersUse()).isEqualTo("app@fd00:10:244::a");
    assertThat(f.run("discovery-query-resolves").message()).startsWith("AAAA ");
    CheckResult v4dist = f.run("node-name");
    assertThat(v4dist.status()).isEqualTo(Status.FAIL);
    assertThat(v4dist.message()).contains("-proto_dist inet6_tcp");
    assertThat(f.vm(Fixture.VM_IP + "-proto_dist inet6_tcp\n").run("node-name").status()).isEqualTo(Status.PASS);
  }

  /**
   * An Elixir release whose container sets only RELEASE_NODE: mix's default is short names, but the
   * image's rel/env.sh.eex usually sets RELEASE_DISTRIBUTION=name. A failure that only short names
   * cause is a warning naming the flag that settles it; set explicitly, it fails.
   */
  @Test
  void anElixirDefaultNeverFailsButWarnsNamingWhatSettlesIt() {
    String env = """
        - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
        - {name: RELEASE_NODE, value: app@$(POD_IP)}""";
    CheckResult unsure = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", env)).sys(null).vm(null)
        .strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-name");
    assertThat(unsure.status()).as(unsure.message()).isEqualTo(Status.WARN);
    assertThat(unsure.message()).startsWith("unsure: ").contains("if RELEASE_DISTRIBUTION is sname").contains("(not with name)")
        .contains("--release-env FILE");
    assertThat(unsure.assumptions()).extracting(Assumption::what).containsExactly("RELEASE_DISTRIBUTION");

    CheckResult set = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", env + "\n- {name: RELEASE_DISTRIBUTION, value: sname}")).sys(null).vm(null)
        .strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-name");
    assertThat(set.status()).as(set.message()).isEqualTo(Status.FAIL);
    assertThat(set.assumptions()).isEmpty();

    CheckResult longNames = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", env + "\n- {name: RELEASE_DISTRIBUTION, value: name}")).sys(null).vm(null)
        .strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-name");
    assertThat(longNames.status()).as(longNames.message()).isEqualTo(Status.PASS);
  }

  /** A Deployment of one release of the app under the shared headless Service, its node named RELEASE_NODE. */
  static String release(String name, String node) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: ns}
        spec:
          replicas: 2
          selector: {matchLabels: {app: app, role: %s}}
          template:
            metadata: {labels: {app: app, role: %s}}
            spec:
              containers:
              - name: %s
                image: app:1
                env:
                - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                - {name: RELEASE_DISTRIBUTION, value: name}
                - {name: RELEASE_NODE, value: "%s@$(POD_IP)"}
        """.formatted(name, name, name, name, node);
  }

  /**
   * A web and a worker release behind one headless Service form one cluster: with gen_cluster each
   * node dials its peers with its own basename, so releases named differently never reach each
   * other, while one shared basename works.
   */
  @Test
  void severalWorkloadsAreJudgedTogetherAsOneMesh() {
    String same = Fixture.SERVICE + "---\n" + release("web", "app") + "---\n" + release("worker", "app");
    CheckResult ok = Fixture.a().yaml(same).vm(null).run("node-host-matches-dns");
    assertThat(ok.status()).as(ok.message()).isEqualTo(Status.PASS);
    assertThat(ok.message()).contains("each of 4 pods of 2 workloads");

    String different = Fixture.SERVICE + "---\n" + release("web", "web") + "---\n" + release("worker", "worker");
    CheckResult bad = Fixture.a().yaml(different).vm(null).run("node-host-matches-dns");
    assertThat(bad.status()).as(bad.message()).isEqualTo(Status.FAIL);
    assertThat(bad.message()).contains("web → worker: 2 of 2 pods, the basenames differ (worker vs web)")
        .contains("worker → web: 2 of 2 pods, the basenames differ (web vs worker)");
    assertThat(bad.names()).first().satisfies(p -> {
      assertThat(p.subject()).startsWith("web → worker-");
      assertThat(p.calledItself()).startsWith("worker@10.244.2.");
      assertThat(p.peersUse()).startsWith("web@10.244.2.");
    });
  }

  /** Kubernetes never runs $(hostname -f) in an env value: the node name holds the text, and node-name says exactly that. */
  @Test
  void aCommandInAnEnvValueStaysText() {
    String env = """
        - {name: RELEASE_DISTRIBUTION, value: name}
        - {name: RELEASE_NODE, value: "app@$(hostname -f)"}""";
    CheckResult r = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", env)).sys(null).vm(null)
        .strategy(Strategy.LIBCLUSTER_DNS, "app").run("node-name");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.FAIL);
    assertThat(r.message()).contains("names itself app@$(hostname -f) literally").contains("Kubernetes expands only $(VAR)").contains("never runs $(hostname -f)");
    assertThat(r.remediation().orElseThrow().text()).contains("rel/env.sh.eex").contains("status.podIP");
  }

  /** Without any naming among the inputs, the node-name checks warn and name the flags that supply it. */
  @Test
  void unknownNamingWarnsWithTheFlags() {
    CheckResult r = Fixture.a().vm(null).run("node-host-matches-dns");
    assertThat(r.status()).isEqualTo(Status.WARN);
    assertThat(r.message()).contains("node naming unknown").contains("--vm-args FILE, --release-env FILE or --release-dir DIR");
    assertThat(Fixture.a().vm(null).run("node-name").status()).isEqualTo(Status.WARN);
  }

  @Test
  void aRecordsWithHostNamesGoThroughPtr() {
    String sysPtr = "[{gen_cluster, [{discovery, {dns, #{domain => \"app-dist.ns\", host_type => hostname}}}]}].";
    CheckResult dashed = Fixture.a().yaml(SRV_DEPLOY).sys(sysPtr).vm("-name app\n").corefile(KUBEADM_COREFILE).run("node-host-matches-dns");
    assertThat(dashed.status()).isEqualTo(Status.FAIL);
    assertThat(dashed.names().get(0).peersUse()).isEqualTo("app@10-244-0-10.app-dist.ns.svc.cluster.local");
    CheckResult assumed = Fixture.a().yaml(SRV_DEPLOY).sys(sysPtr).vm("-name app\n").run("node-host-matches-dns");
    assertThat(assumed.status()).as("no Corefile given: the failure rests on kubeadm's default being assumed").isEqualTo(Status.WARN);
    assertThat(assumed.message()).startsWith("unsure: ").contains("if the Corefile is kubeadm's default").contains("not with a Corefile with endpoint_pod_names")
        .contains("give --corefile FILE");
    assertThat(assumed.assumptions()).singleElement().satisfies(a -> assertThat(a.topic()).isEqualTo(Assumption.Topic.COREDNS));
    CheckResult named = Fixture.a().yaml(SRV_DEPLOY).sys(sysPtr).vm("-name app\n")
        .corefile(".:53 {\n kubernetes cluster.local in-addr.arpa ip6.arpa {\n  endpoint_pod_names\n }\n reload\n}\n").run("node-host-matches-dns");
    assertThat(named.status()).as(named.message()).isEqualTo(Status.PASS);
    assertThat(named.message()).contains("PTR");
    CheckResult noReverse = Fixture.a().yaml(SRV_DEPLOY).sys(sysPtr).vm("-name app\n")
        .corefile(".:53 {\n kubernetes cluster.local {\n  endpoint_pod_names\n }\n reload\n}\n").run("node-host-matches-dns");
    assertThat(noReverse.status()).isEqualTo(Status.FAIL);
    assertThat(noReverse.message()).contains("peers derive no names").contains("in-addr.arpa");
  }

  @Test
  void staticDiscoveryIsComparedWithTheList() {
    CheckResult r = Fixture.a().sys("[{gen_cluster, [{discovery, {static, ['app@10.244.0.10', 'app@10.244.0.11']}}]}].").run("node-host-matches-dns");
    assertThat(r.status()).isEqualTo(Status.FAIL);
    assertThat(r.names()).filteredOn(NamePair::equal).hasSize(2);
  }

  @Test
  void distPortRules() {
    CheckResult perPod = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "").replace("- {name: ERL_DIST_PORT, value: \"39135\"}",
        "- name: ERL_DIST_PORT\n          valueFrom: {fieldRef: {fieldPath: metadata.name}}")).run("dist-port");
    assertThat(perPod.status()).isEqualTo(Status.FAIL);
    CheckResult clash = Fixture.a().vm(Fixture.VM_IP + "-erl_epmd_port 4370\n-start_epmd false\n").run("dist-port");
    assertThat(clash.status()).isEqualTo(Status.FAIL);
    assertThat(clash.message()).contains("39135").contains("4370");
    CheckResult undeclared = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "").replace("ports: [{name: dist-erl, containerPort: 39135}]", "ports: []")).run("dist-port");
    assertThat(undeclared.status()).isEqualTo(Status.WARN);
  }

  @Test
  void cookieRulesNeverShowTheCookie() {
    CheckResult literal = Fixture.a().run("cookie-consistent");
    assertThat(literal.status()).isEqualTo(Status.PASS);
    assertThat(literal.message()).containsPattern("cookie#[0-9a-f]{12}").doesNotContain("monster")
        // neither the cookie nor any prefix of its plain SHA-256, which could be brute-forced offline
        .doesNotContain(dev.clusterctl.erlang.CookieHash.of("monster").substring(0, 8));
    CheckResult perPod = Fixture.a().vm("-name app@${NODE_HOST}\n-setcookie ${NODE_HOST}\n").run("cookie-consistent");
    assertThat(perPod.status()).isEqualTo(Status.FAIL);
    CheckResult none = Fixture.a().vm("-name app@${NODE_HOST}\n").run("cookie-consistent");
    assertThat(none.status()).isEqualTo(Status.WARN);
    CheckResult two = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "- {name: RELX_COOKIE, value: other}")).run("cookie-consistent");
    assertThat(two.status()).isEqualTo(Status.WARN);
    assertThat(two.toString()).doesNotContain("monster").doesNotContain("other}");
  }

  @Test
  void cookieVariableUnsetOrEmptyInThePodsFailsNamingTheVariable() {
    CheckResult unset = Fixture.a().vm("-name app@${NODE_HOST}\n-setcookie ${COOK}\n").run("cookie-consistent");
    assertThat(unset.status()).as(unset.message()).isEqualTo(Status.FAIL);
    assertThat(unset.message()).contains("${COOK}").contains("every pod");
    CheckResult empty = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "- {name: COOK, value: \"\"}"))
        .vm("-name app@${NODE_HOST}\n-setcookie ${COOK}\n").run("cookie-consistent");
    assertThat(empty.status()).as(empty.message()).isEqualTo(Status.FAIL);
    assertThat(empty.message()).contains("${COOK}");
    CheckResult emptyEnv = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "- {name: RELX_COOKIE, value: \"\"}")).run("cookie-consistent");
    assertThat(emptyEnv.status()).as(emptyEnv.message()).isEqualTo(Status.FAIL);
    assertThat(emptyEnv.message()).contains("RELX_COOKIE");
    CheckResult set = Fixture.a().yaml(Fixture.SERVICE + "---\n" + Fixture.deployment("", "- {name: COOK, value: s3cr3t-cookie}"))
        .vm("-name app@${NODE_HOST}\n-setcookie ${COOK}\n").run("cookie-consistent");
    assertThat(set.status()).as(set.message()).isEqualTo(Status.PASS);
    assertThat(List.of(unset, empty, emptyEnv, set)).allSatisfy(r -> assertThat(r.toString()).doesNotContain("s3cr3t").doesNotContain("monster"));
  }

  @Test
  void libclusterDnssrvWithAStatefulSetPasses() {
    String sts = """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: app, namespace: ns}
        spec:
          serviceName: app-dist
          replicas: 2
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec:
              containers:
              - name: app
                image: app:1
                ports: [{name: dist-erl, containerPort: 39135}]
                env:
                - {name: RELEASE_DISTRIBUTION, value: name}
                - {name: RELEASE_NODE, value: app}
        """;
    Fixture f = Fixture.a().yaml(Fixture.SERVICE + "---\n" + sts).sys(null).vm(null).strategy(Strategy.LIBCLUSTER_DNSSRV, "app");
    CheckResult r = f.run("node-host-matches-dns");
    assertThat(r.status()).as(r.message()).isEqualTo(Status.PASS);
    assertThat(r.names().get(0).calledItself()).isEqualTo("app@app-0.app-dist.ns.svc.cluster.local");
    assertThat(f.run("cookie-consistent").status()).isEqualTo(Status.PASS);
  }

  @Test
  void aCheckThatThrowsIsReportedAsError() {
    Check broken = new Check() {
      public String id() {
        return "broken";
      }

      public Area area() {
        return Area.DNS;
      }

      public String title() {
        return "t";
      }

      public String description() {
        return "d";
      }

      public CheckResult run(DoctorContext ctx) {
        throw new IllegalStateException("boom");
      }
    };
    List<CheckResult> results = Judge.run(DoctorContext.of(Fixture.a().model()), List.of(broken));
    assertThat(results).singleElement().satisfies(r -> {
      assertThat(r.status()).isEqualTo(Status.ERROR);
      assertThat(r.message()).contains("boom");
    });
    assertThat(Summary.of(results).error()).isEqualTo(1);
  }
}
