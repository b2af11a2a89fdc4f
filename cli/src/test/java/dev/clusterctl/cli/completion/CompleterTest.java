package dev.clusterctl.cli.completion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;

class CompleterTest {

  @TempDir Path tmp;

  private final CommandSpec root = TestApp.commandLine().getCommandSpec();

  private List<String> complete(Map<String, String> env, String... words) {
    return new Completer(root, CandidateProviders.standard(), env, tmp).complete(Arrays.asList(words));
  }

  private List<String> complete(String... words) {
    return complete(Map.of("HOME", tmp.toString()), words);
  }

  @Test
  void enumOptionValuesComeFromTheModel() {
    assertThat(complete("probe", "-o", "")).containsExactly("text", "json", "yaml");
    assertThat(complete("probe", "--output", "j")).containsExactly("json");
    assertThat(complete("probe", "--output=y")).containsExactly("yaml");
  }

  @Test
  void pathsForFileArgumentsFromTheWorkingDirectory() throws IOException {
    Files.createDirectories(tmp.resolve("docs/examples"));
    Files.writeString(tmp.resolve("docs/guide.md"), "");
    Files.writeString(tmp.resolve("docs/.hidden"), "");
    assertThat(complete("probe", "--kubeconfig", "do")).containsExactly("docs/");
    assertThat(complete("probe", "--kubeconfig", "docs/")).containsExactly("docs/examples/", "docs/guide.md");
    assertThat(complete("probe", "--kubeconfig", "docs/.")).containsExactly("docs/.hidden");
    assertThat(complete("probe", "--kubeconfig=docs/g")).containsExactly("docs/guide.md");
    assertThat(complete("probe", "docs/e")).containsExactly("docs/examples/");
    assertThat(complete("probe", "--kubeconfig", "~/docs/ex")).containsExactly("~/docs/examples/");
    assertThat(complete("probe", "--kubeconfig", "nowhere/")).isEmpty();
  }

  @Test
  void theKindOfPathIsReadFromTypeOrLabel() {
    CommandSpec doctor = dev.clusterctl.cli.Main.commandLine().getSubcommands().get("doctor").getCommandSpec();
    assertThat(kind(doctor, "-f")).isEqualTo(CommandTree.PathKind.FILE);
    assertThat(kind(doctor, "--vm-args")).isEqualTo(CommandTree.PathKind.FILE);
    assertThat(kind(doctor, "--kubeconfig")).isEqualTo(CommandTree.PathKind.FILE);
    assertThat(kind(doctor, "-k")).isEqualTo(CommandTree.PathKind.DIRECTORY);
    assertThat(kind(doctor, "--release-dir")).isEqualTo(CommandTree.PathKind.DIRECTORY);
    assertThat(kind(doctor, "--namespace")).isEqualTo(CommandTree.PathKind.NONE);
    assertThat(kind(doctor, "--workload")).isEqualTo(CommandTree.PathKind.NONE);
    assertThat(kind(root.subcommands().get("probe").getCommandSpec(), "--kubeconfig")).isEqualTo(CommandTree.PathKind.FILE);
  }

  private static CommandTree.PathKind kind(CommandSpec spec, String option) {
    return CommandTree.pathKind(CommandTree.option(spec, option).orElseThrow());
  }

  @Test
  void positionalEnumInANestedCommand() {
    assertThat(complete("probe", "--tcp", "deep", "")).containsExactly("A", "AAAA", "SRV");
    assertThat(complete("probe", "deep", "AA")).containsExactly("AAAA");
  }

  @Test
  void nothingWhenTheCursorIsNotOnAValue() {
    assertThat(complete("probe", "--tc")).isEmpty();
    assertThat(complete("probe", "--check", "x", "--tcp", "")).isEmpty(); // FILE, in an empty directory
    assertThat(complete()).isEmpty();
  }

  @Test
  void contextsFromKubeconfigInKubeconfigVariable() throws IOException {
    Path a = kubeconfig("a.yaml", "prod", "staging");
    Path b = kubeconfig("b.yaml", "kind-dev");
    Map<String, String> env = Map.of("HOME", tmp.toString(), "KUBECONFIG", a + java.io.File.pathSeparator + b);
    assertThat(complete(env, "probe", "--context", "")).containsExactly("prod", "staging", "kind-dev");
    assertThat(complete(env, "probe", "--context", "st")).containsExactly("staging");
  }

  @Test
  void contextsFromTheTypedKubeconfigBeforeTheVariable() throws IOException {
    Path a = kubeconfig("a.yaml", "prod");
    Path b = kubeconfig("b.yaml", "typed");
    Map<String, String> env = Map.of("HOME", tmp.toString(), "KUBECONFIG", a.toString());
    assertThat(complete(env, "probe", "--kubeconfig", b.toString(), "--context", "")).containsExactly("typed");
    assertThat(complete(env, "probe", "--kubeconfig=" + b, "--context=")).containsExactly("typed");
  }

  @Test
  void contextsFromHomeKubeConfigByDefault() throws IOException {
    Files.createDirectories(tmp.resolve(".kube"));
    Files.move(kubeconfig("c.yaml", "home-ctx"), tmp.resolve(".kube/config"));
    assertThat(complete("probe", "--context", "")).containsExactly("home-ctx");
  }

  @Test
  void brokenOrMissingKubeconfigCompletesNothing() throws IOException {
    Path broken = Files.writeString(tmp.resolve("broken.yaml"), "contexts: [ {name: \n");
    assertThat(complete(Map.of("KUBECONFIG", broken.toString()), "probe", "--context", "")).isEmpty();
    assertThat(complete(Map.of("KUBECONFIG", tmp.resolve("none").toString()), "probe", "--context", "")).isEmpty();
  }

  @Test
  void unreachableClusterCompletesNothing() throws IOException {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    Path cfg = Kubeconfig.write(tmp.resolve("k.yaml"), "http://127.0.0.1:" + closed, "ctx");
    assertThat(complete(Map.of("KUBECONFIG", cfg.toString()), "probe", "-n", "")).isEmpty();
    assertThat(complete(Map.of("KUBECONFIG", cfg.toString()), "probe", "--service", "")).isEmpty();
  }

  @Test
  void aClusterThatNeverAnswersCompletesNothingOnceTheShortTimeoutPasses() throws IOException {
    // accepts connections (the kernel's backlog does) and never answers: only the request timeout ends the wait
    try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Path cfg = Kubeconfig.write(tmp.resolve("k.yaml"), "http://127.0.0.1:" + silent.getLocalPort(), "ctx");
      assertThat(complete(Map.of("KUBECONFIG", cfg.toString()), "probe", "-n", "")).isEmpty();
    }
  }

  @Test
  void theClientWaitsOnlyTheShortTimeoutAndNeverRetries() throws IOException {
    Path cfg = Kubeconfig.write(tmp.resolve("k.yaml"), "http://127.0.0.1:1", "ctx");
    io.fabric8.kubernetes.client.Config config = ClusterNames.config(List.of(cfg.toFile()), null);
    assertThat(config.getConnectionTimeout()).isEqualTo(ClusterNames.TIMEOUT_MS);
    assertThat(config.getRequestTimeout()).isEqualTo(ClusterNames.TIMEOUT_MS);
    assertThat(config.getRequestRetryBackoffLimit()).isZero();
    assertThat(ClusterNames.TIMEOUT_MS).isLessThanOrEqualTo(2000);
    assertThat(config.getMasterUrl()).startsWith("http://127.0.0.1:1");
  }

  @Test
  void aProviderPlugsInByOptionName() {
    CandidateProviders withChecks = CandidateProviders.standard().with(r -> List.of("dns-a", "dns-srv", "epmd"), "--check");
    Completer c = new Completer(root, withChecks, Map.of());
    assertThat(c.complete(List.of("probe", "--check", "dns-"))).containsExactly("dns-a", "dns-srv");
    assertThat(withChecks.dynamicOptionNames(root)).contains("--check", "--context", "-n", "--namespace", "--service");
  }

  @Test
  void aFailingProviderCompletesNothing() {
    CandidateProviders failing = CandidateProviders.none().with(r -> { throw new IllegalStateException("boom"); }, "--check");
    assertThat(new Completer(root, failing, Map.of()).complete(List.of("probe", "--check", ""))).isEmpty();
  }

  private Path kubeconfig(String file, String... contexts) throws IOException {
    return Kubeconfig.write(tmp.resolve(file), "https://127.0.0.1:1", contexts);
  }
}
