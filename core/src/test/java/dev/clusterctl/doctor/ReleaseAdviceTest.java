package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Remediation;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.ShopManifests;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A naming fix is written for the file or setting the team uses to name its nodes. */
class ReleaseAdviceTest {

  @TempDir
  Path dir;

  /** The pod IP as the container's first variable, as the set-ups here name nodes after it. */
  private static final String POD_IP = "- name: POD_IP\n  valueFrom: {fieldRef: {fieldPath: status.podIP}}\n";

  private Report doctor(String extraEnv, String envSh) throws IOException {
    Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(dir.resolve("k8s/app.yaml"), ShopManifests.shop("env:\n" + (POD_IP + extraEnv).indent(2)));
    Optional<String> releaseEnv = Optional.empty();
    if (envSh != null) {
      Files.createDirectories(dir.resolve("rel"));
      Files.writeString(dir.resolve("rel/env.sh.eex"), envSh);
      releaseEnv = Optional.of(dir.resolve("rel/env.sh.eex").toString());
    }
    FileInputs in = new FileInputs(List.of(dir.resolve("k8s").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty(), releaseEnv,
        Optional.empty());
    TargetOptions libclusterDns = new TargetOptions(Optional.of(dev.clusterctl.discovery.Strategy.LIBCLUSTER_DNS), Optional.of("shop"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    return Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(libclusterDns, CheckRegistry.standard().all()));
  }

  private static CheckResult result(Report r, String id) {
    return r.results().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void anElixirReleaseNamedInEnvShIsFixedInEnvSh() throws IOException {
    Report r = doctor("", "export RELEASE_DISTRIBUTION=name\nexport RELEASE_NODE=shop@$(hostname -f)\n");
    CheckResult c = result(r, "node-host-matches-dns");
    assertThat(c.status()).as(c.message()).isIn(Status.FAIL, Status.WARN);
    Remediation fix = c.remediation().orElseThrow();
    assertThat(fix.snippet()).startsWith("# " + dir.resolve("rel/env.sh.eex")).contains("export RELEASE_NODE=shop@${POD_IP}")
        .doesNotContain("vm.args").doesNotContain("fieldPath: status.podIP");
  }

  @Test
  void anImageNamedThroughErlFlagsIsFixedInErlFlags() throws IOException {
    Report r = doctor("- {name: ERL_FLAGS, value: \"-name shop\"}\n", null);
    CheckResult c = result(r, "node-host-matches-dns");
    assertThat(c.status()).as(c.message()).isIn(Status.FAIL, Status.WARN);
    assertThat(c.remediation().orElseThrow().snippet()).contains("- name: ERL_FLAGS").contains("-name shop@$(POD_IP)").doesNotContain("vm.args");
  }

  /** RELEASE_NODE=shop@$(POD_IP) needs POD_IP defined before it: the patch adds it and orders it first, as kubectl applies it. */
  @Test
  void aReleaseNodeFixPutsThePodIpBeforeTheNameThatUsesIt() throws Exception {
    String manifests = ShopManifests.shop("env:\n" + "- {name: RELEASE_DISTRIBUTION, value: name}\n- {name: RELEASE_NODE, value: shop}\n".indent(2));
    Files.createDirectories(dir.resolve("k8s"));
    Files.writeString(dir.resolve("k8s/app.yaml"), manifests);
    FileInputs in = new FileInputs(List.of(dir.resolve("k8s").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    TargetOptions libclusterDns = new TargetOptions(Optional.of(dev.clusterctl.discovery.Strategy.LIBCLUSTER_DNS), Optional.of("shop"), Optional.empty(),
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    Report r = Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(libclusterDns, CheckRegistry.standard().all()));
    String snippet = result(r, "node-host-matches-dns").remediation().orElseThrow().snippet();
    assertThat(snippet).contains("$setElementOrder/env").contains("shop@$(POD_IP)");
    Path kubectl = dev.clusterctl.testing.RealServers.require("kubectl", "kubectl");
    Path patch = Files.writeString(dir.resolve("patch.yaml"), snippet);
    Process p = new ProcessBuilder(kubectl.toString(), "patch", "--local", "-f", dir.resolve("k8s/app.yaml").toString(), "--type", "strategic",
        "--patch-file", patch.toString(), "-o", "jsonpath={range .items[*]}{.kind}{\"\\n\"}{end}{.spec.template.spec.containers[0].env[*].name}").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(out).as(snippet).contains("POD_IP RELEASE_DISTRIBUTION RELEASE_NODE");
  }
}
