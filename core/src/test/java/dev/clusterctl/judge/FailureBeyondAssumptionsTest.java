package dev.clusterctl.judge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.kube.ManifestReader;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.release.NamedText;
import dev.clusterctl.release.ReleaseFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A failure that holds whatever an unsettled setting turns out to be is not softened by it: a node
 * named after {@code $(hostname -f)} in a Deployment without subdomain has a dotless long name, which
 * no DNS answer can equal, whatever libcluster's service (read with {@code System.fetch_env!}, no
 * input setting the variable; a {@code System.get_env} default would settle it) is.
 */
class FailureBeyondAssumptionsTest {

  private static final String YAML = """
      apiVersion: v1
      kind: Service
      metadata: {name: ledger-headless, namespace: finance}
      spec:
        clusterIP: None
        selector: {app: ledger}
        ports: [{name: epmd, port: 4369}]
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: ledger, namespace: finance}
      spec:
        replicas: 2
        selector: {matchLabels: {app: ledger}}
        template:
          metadata: {labels: {app: ledger}}
          spec:
            containers:
            - name: ledger
              image: ledger:1
      """;

  private static final String ENV_SH = "#!/bin/sh\nexport RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=\"<%= @release.name %>@$(hostname -f)\"\n";

  private static final String RUNTIME_EXS = """
      import Config

      config :libcluster,
        topologies: [
          ledger: [
            strategy: Cluster.Strategy.Kubernetes.DNSSRV,
            config: [service: System.fetch_env!("CLUSTER_SERVICE"), application_name: "ledger", namespace: "finance"]
          ]
        ]
      """;

  @Test
  void aDotlessLongNameFailsWhateverTheServiceIs() {
    ReleaseFiles files = new ReleaseFiles(Optional.of(new NamedText("rel/env.sh.eex", ENV_SH)), Optional.empty(),
        List.of(new NamedText("config/runtime.exs", RUNTIME_EXS)), List.of(), Optional.of("ledger"));
    ClusterModel m = ModelBuilder.build(new ModelRequest(new ManifestReader().read(YAML.getBytes(StandardCharsets.UTF_8), "t.yaml"),
        Optional.empty(), Optional.empty(), Optional.empty(), files, TargetOptions.none()));
    assertThat(m.assumptionsAbout(Assumption.Topic.DISCOVERY)).as("the premise of this test: the service is unsettled").anyMatch(Assumption::softens);
    CheckResult r = Judge.run(DoctorContext.of(m), List.of(CheckRegistry.standard().byId("node-host-matches-dns").orElseThrow())).get(0);
    assertThat(r.status()).as(r.message()).isEqualTo(Status.FAIL);
    assertThat(r.assumptions()).isEmpty();
  }
}
