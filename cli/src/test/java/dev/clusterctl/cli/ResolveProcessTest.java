package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.KubeDnsZones;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher {@code cli/target/clusterctl} run as a process from another directory, against a real BIND. */
class ResolveProcessTest {

  private static BindServer dns;
  @TempDir Path workDir;

  record Run(int exit, String out, String err) {}

  @BeforeAll
  static void startBind() {
    dns = KubeDnsZones.start();
  }

  @AfterAll
  static void stopBind() {
    if (dns != null) {
      dns.close();
    }
  }

  private Run run(String... args) throws Exception {
    return runWith(null, args);
  }

  /** Runs the launcher with {@code CLUSTERCTL_JAVA_OPTS=javaOpts} (none when null). */
  private Run runWith(String javaOpts, String... args) throws Exception {
    Path launcher = Path.of(System.getProperty("clusterctl.launcher", "target/clusterctl")).toAbsolutePath();
    assertThat(launcher).as("the launcher is built by the package phase").isExecutable();
    List<String> cmd = new ArrayList<>(List.of(launcher.toString()));
    cmd.addAll(List.of(args));
    File out = workDir.resolve("out.txt").toFile();
    File err = workDir.resolve("err.txt").toFile();
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile()).redirectOutput(out).redirectError(err);
    pb.environment().put("NO_COLOR", "1");
    if (javaOpts != null) {
      pb.environment().put("CLUSTERCTL_JAVA_OPTS", javaOpts);
    }
    Process p = pb.start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), Files.readString(out.toPath(), StandardCharsets.UTF_8),
        Files.readString(err.toPath(), StandardCharsets.UTF_8));
  }

  @Test
  void resolvesFromAnyDirectoryWithAnAtServer() throws Exception {
    Run r = run("resolve", "@" + dns.hostPort(), "_dist-erl._tcp.ledger.payments", "--pod-namespace", "payments",
        "--basename", "ledger", "-o", "short");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    assertThat(r.out().lines()).containsExactly(
        "ledger@ledger-0.ledger.payments.svc.cluster.local",
        "ledger@ledger-1.ledger.payments.svc.cluster.local",
        "ledger@ledger-2.ledger.payments.svc.cluster.local");
  }

  @Test
  void exitCodesReachTheShell() throws Exception {
    assertThat(run("resolve", "@" + dns.hostPort(), "gone.payments.svc.cluster.local.").exit()).isEqualTo(1);
    Run bad = run("resolve", "@" + dns.hostPort(), "bad..name");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err().lines()).containsExactly("clusterctl: invalid domain name 'bad..name': it has an empty label");
    Run down = run("resolve", "@127.0.0.1:" + BindServer.freePort(), "x.example.", "--tries", "1");
    assertThat(down.exit()).isEqualTo(3);
    assertThat(down.out()).isEmpty();
  }

  @Test
  void startUpStaysLazyWithoutJson() throws Exception {
    Run table = runWith("-Xlog:class+load=info", "resolve", "@" + dns.hostPort(), "ledger.payments.svc.cluster.local.");
    assertThat(table.exit()).isZero();
    assertThat(table.out()).contains("dev.clusterctl.dns.Resolver ")
        .doesNotContain("com.fasterxml.jackson").doesNotContain("io.fabric8");
    Run json = runWith("-Xlog:class+load=info", "resolve", "@" + dns.hostPort(), "ledger.payments.svc.cluster.local.",
        "-o", "json");
    assertThat(json.out()).contains("com.fasterxml.jackson.databind.ObjectMapper ").doesNotContain("io.fabric8");
  }

  @Test
  void tableOutputIsPlainWithNoColor() throws Exception {
    Run r = run("resolve", "@" + dns.hostPort(), "ledger.payments.svc.cluster.local.", "--basename", "ledger");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("ledger@10.244.0.5").doesNotContain("\u001b[");
  }
}
