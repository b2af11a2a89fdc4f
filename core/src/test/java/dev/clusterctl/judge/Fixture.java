package dev.clusterctl.judge;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.kube.ManifestReader;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Builds models from small YAML, sys.config and vm.args texts for check tests. */
final class Fixture {

  /** A headless service and a 3-replica Deployment in namespace ns; placeholders let tests vary them. */
  static final String SERVICE = """
      apiVersion: v1
      kind: Service
      metadata: {name: app-dist, namespace: ns}
      spec:
        clusterIP: None
        selector: {app: app}
        ports: [{name: dist-erl, port: 39135, targetPort: dist-erl}]
      """;

  static String deployment(String podSpecExtra, String env) {
    return """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: app, namespace: ns}
        spec:
          replicas: 3
          selector: {matchLabels: {app: app}}
          template:
            metadata: {labels: {app: app}}
            spec:
        %s
              containers:
              - name: app
                image: app:1
                ports: [{name: dist-erl, containerPort: 39135}]
                env:
                - {name: ERL_DIST_PORT, value: "39135"}
                - name: NODE_HOST
                  valueFrom: {fieldRef: {fieldPath: status.podIP}}
        %s
        """.formatted(podSpecExtra.isEmpty() ? "" : podSpecExtra.indent(6).stripTrailing(), env.isEmpty() ? "" : env.indent(8).stripTrailing());
  }

  static final String SYS_A = "[{gen_cluster, [{discovery, {dns, #{domain => \"app-dist.ns\"}}}]}].";
  static final String SYS_SRV = "[{gen_cluster, [{discovery, {dns, #{domain => \"_dist-erl._tcp.app-dist.ns\", record_type => srv}}}]}].";
  static final String VM_IP = "-name app@${NODE_HOST}\n-setcookie monster\n";

  /** One reader for every fixture: fabric8's serialization is costly to set up and holds no per-input state. */
  private static final ManifestReader READER = new ManifestReader();

  private String yaml = SERVICE + "---\n" + deployment("", "");
  private String sys = SYS_A;
  private String vm = VM_IP;
  private String corefile;
  private TargetOptions options = TargetOptions.none();

  static Fixture a() {
    return new Fixture();
  }

  Fixture yaml(String y) {
    this.yaml = y;
    return this;
  }

  Fixture sys(String s) {
    this.sys = s;
    return this;
  }

  Fixture vm(String v) {
    this.vm = v;
    return this;
  }

  Fixture corefile(String c) {
    this.corefile = c;
    return this;
  }

  Fixture strategy(Strategy s, String basename) {
    this.options = new TargetOptions(Optional.of(s), Optional.ofNullable(basename), Optional.empty(), Optional.of("app-dist"), Optional.empty(), Optional.empty(), Optional.empty());
    return this;
  }

  Fixture clusterDomain(String d) {
    this.options = new TargetOptions(options.strategy(), options.basename(), options.domain(), options.service(), options.workload(), options.namespace(), Optional.of(d));
    return this;
  }

  ClusterModel model() {
    ModelRequest r = new ModelRequest(
        READER.read(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml"),
        Optional.ofNullable(corefile).map(c -> Corefile.parse(c, "Corefile")),
        Optional.ofNullable(sys).map(s -> SysConfig.parse(s, "sys.config")),
        Optional.ofNullable(vm).map(v -> VmArgs.parse(v, "vm.args")),
        options);
    return ModelBuilder.build(r);
  }

  CheckResult run(String id) {
    Check c = CheckRegistry.standard().byId(id).orElseThrow();
    return Judge.run(DoctorContext.of(model()), java.util.List.of(c)).get(0);
  }
}
