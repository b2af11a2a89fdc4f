package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input: one clear line on stderr, exit 2, and nothing on stdout that could pass for a verdict. */
class DoctorBadInputTest {

  @TempDir Path dir;

  static final String GOOD = DoctorCommandTest.example("srv-deployment");

  private Cli.Result doctor(String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "doctor";
    System.arraycopy(args, 0, all, 1, args.length);
    return Cli.run(all);
  }

  private static void assertOneLineUsageError(Cli.Result r, String... fragments) {
    assertThat(r.exit()).as(r.err()).isEqualTo(ExitCode.USAGE.code());
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip().lines()).hasSize(1);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
    for (String f : fragments) {
      assertThat(r.err()).contains(f);
    }
  }

  @Test
  void invalidYamlNamesFileLineAndColumn() throws IOException {
    Path f = dir.resolve("bad.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n   bad: indent\n");
    assertOneLineUsageError(doctor("-f", f.toString()), f.toString(), "line 5", "column", "not valid YAML");
  }

  @Test
  void binaryFile() throws IOException {
    Path f = dir.resolve("image.yaml");
    Files.write(f, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
    assertOneLineUsageError(doctor("-f", f.toString()), "image.yaml", "binary");
  }

  @Test
  void emptyFile() throws IOException {
    Path f = dir.resolve("empty.yaml");
    Files.writeString(f, "");
    assertOneLineUsageError(doctor("-f", f.toString()), "empty.yaml", "empty");
  }

  @Test
  void directoryWithoutManifests() throws IOException {
    Files.writeString(dir.resolve("notes.txt"), "nothing here");
    assertOneLineUsageError(doctor("-f", dir.toString()), "no manifests");
  }

  @Test
  void missingFile() {
    assertOneLineUsageError(doctor("-f", dir.resolve("nope.yaml").toString()), "nope.yaml", "no such file");
  }

  @Test
  void noManifestsAtAll() {
    assertOneLineUsageError(doctor(), "-f");
  }

  @Test
  void sysConfigThatIsNotErlangTerms() throws IOException {
    Path f = dir.resolve("sys.config");
    Files.writeString(f, "[{gen_cluster, [{discovery, {dns, #{domain => \"x\"}}]}\n");
    assertOneLineUsageError(doctor("-f", GOOD, "--sys-config", f.toString()), "sys.config");
  }

  @Test
  void corefileWithUnbalancedBraces() throws IOException {
    Path f = dir.resolve("Corefile");
    Files.writeString(f, ".:53 {\n    kubernetes cluster.local {\n        pods insecure\n}\n");
    assertOneLineUsageError(doctor("-f", GOOD, "--corefile", f.toString()), "Corefile");
  }

  @Test
  void missingVmArgs() {
    assertOneLineUsageError(doctor("-f", GOOD, "--vm-args", dir.resolve("vm.args").toString()), "--vm-args", "no such file");
  }

  @Test
  void badWorkloadOption() {
    assertOneLineUsageError(doctor("-f", GOOD, "--workload", "ledger"), "--workload ledger", "deploy/NAME");
    assertOneLineUsageError(doctor("-f", GOOD, "--workload", "sts/ledger"), "no StatefulSet ledger");
  }

  @Test
  void ambiguousServiceNamesTheCandidates() throws IOException {
    Files.writeString(dir.resolve("svcs.yaml"), """
        apiVersion: v1
        kind: Service
        metadata: {name: a, namespace: ns}
        spec: {clusterIP: None, selector: {app: x}}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: b, namespace: ns}
        spec: {clusterIP: None, selector: {app: 'y'}}
        """);
    assertOneLineUsageError(doctor("-f", dir.toString()), "Service/ns/a", "Service/ns/b", "--service");
  }

  @Test
  void kustomizeWithoutKubectlIsOneClearLine() {
    dev.clusterctl.kube.Kustomize k = new dev.clusterctl.kube.Kustomize(null);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> k.render(dir.toString()))
        .isInstanceOf(dev.clusterctl.error.BadInputException.class)
        .hasMessageContaining("needs kubectl on PATH");
  }

  @Test
  void invalidDiscoveryDomainIsOneLineNamingTheOption() throws IOException {
    assertOneLineUsageError(doctor("-f", GOOD, "--domain", "bad..name"), "--domain", "'bad..name'", "empty label");
    Path sys = dir.resolve("sys.config");
    Files.writeString(sys, "[{gen_cluster, [{discovery, {dns, #{domain => \"ledger dist.payments\"}}}]}].\n");
    assertOneLineUsageError(doctor("-f", GOOD, "--sys-config", sys.toString()), sys.toString(), "'ledger dist.payments'");
  }

  @Test
  void inputsWithNoServiceAndNoWorkloadAreBadInputNamingWhatWasRead() throws IOException {
    Path cm = dir.resolve("cm.yaml");
    Files.writeString(cm, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: ns}\ndata: {a: b}\n");
    assertOneLineUsageError(doctor("-f", cm.toString()), "no Service, Deployment or StatefulSet", "1 ConfigMap", cm.toString());
    Path other = dir.resolve("other.yaml");
    Files.writeString(other, "apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: ns}\nspec: {size: 3}\n");
    assertOneLineUsageError(doctor("-f", other.toString()), "no Service, Deployment or StatefulSet", "Widget", other.toString());
  }
}
