package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clusterctl doctor --local} in a simulated pod: two network namespaces joined by a veth
 * pair (10.213.7.0/30, inside the namespaces only), real BIND in one, and in the other the
 * launcher under {@code unshare --uts --mount} with its own host name and bind-mounted /etc/hosts
 * and /etc/resolv.conf. Needs root; everything created is deleted afterwards.
 */
class DoctorLocalNamespaceTest {

  static final String POD = "ledger-7d9f8b6c5-bcdfg";
  static final String FQDN = POD + ".ledger-dist.payments.svc.cluster.local";
  static final String DNS_IP = "10.213.7.1";
  static final String POD_IP = "10.213.7.2";

  @TempDir Path dir;
  private final String id = Long.toString(ProcessHandle.current().pid() % 100000);
  private final String dnsNs = "cctl-dns-" + id;
  private final String podNs = "cctl-pod-" + id;
  private Process named;

  @BeforeEach
  void namespaces() throws Exception {
    if (!RealServers.isRoot()) {
      RealServers.unavailable("network and UTS namespaces need root");
    }
    RealServers.require("named", "bind9");
    RealServers.require("unshare", "util-linux");
    RealServers.require("ip", "iproute2");
    sh("ip", "netns", "add", dnsNs);
    sh("ip", "netns", "add", podNs);
    String vd = "cctl" + id + "d";
    String vp = "cctl" + id + "p";
    sh("ip", "link", "add", vd, "type", "veth", "peer", "name", vp);
    sh("ip", "link", "set", vd, "netns", dnsNs);
    sh("ip", "link", "set", vp, "netns", podNs);
    sh("ip", "-n", dnsNs, "addr", "add", DNS_IP + "/30", "dev", vd);
    sh("ip", "-n", podNs, "addr", "add", POD_IP + "/30", "dev", vp);
    for (String[] l : new String[][] {{dnsNs, vd}, {podNs, vp}, {dnsNs, "lo"}, {podNs, "lo"}}) {
      sh("ip", "-n", l[0], "link", "set", l[1], "up");
    }
    BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
    zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 50, 39135, FQDN + ".");
    zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 50, 39135, "ledger-7d9f8b6c5-cdfgh.ledger-dist.payments.svc.cluster.local.");
    BindServer.Zone z = zone.build();
    Path bind = Files.createDirectories(dir.resolve("bind"));
    Files.writeString(bind.resolve("cluster.local.zone"), z.text());
    Files.writeString(bind.resolve("named.conf"), "options { directory \"" + bind + "\"; pid-file \"" + bind.resolve("named.pid") + "\"; listen-on port 53 { "
        + DNS_IP + "; }; listen-on-v6 { none; }; recursion no; dnssec-validation no; };\nzone \"cluster.local\" { type primary; file \"cluster.local.zone\"; };\n");
    named = new ProcessBuilder("ip", "netns", "exec", dnsNs, RealServers.find("named").orElseThrow().toString(), "-g", "-c", bind.resolve("named.conf").toString(), "-u", "root")
        .redirectErrorStream(true).redirectOutput(bind.resolve("named.log").toFile()).start();
    try {
      await().atMost(Duration.ofSeconds(30)).until(() -> {
        Process dig = new ProcessBuilder("ip", "netns", "exec", podNs, "dig", "+short", "+time=1", "+tries=1", "@" + DNS_IP, "SOA", "cluster.local").redirectErrorStream(true).start();
        String out = new String(dig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return dig.waitFor() == 0 && !out.isBlank() && !out.contains("timed out");
      });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("named did not answer in " + dnsNs + ": " + Files.readString(bind.resolve("named.log")), e);
    }
  }

  @AfterEach
  void cleanUp() throws Exception {
    if (named != null) {
      named.destroy();
      named.waitFor(5, TimeUnit.SECONDS);
      named.destroyForcibly();
    }
    if (RealServers.isRoot()) {
      new ProcessBuilder("ip", "netns", "del", podNs).start().waitFor();
      new ProcessBuilder("ip", "netns", "del", dnsNs).start().waitFor();
    }
  }

  /** A pod root: /etc/hosts as the kubelet writes it, resolv.conf pointing at BIND, a release under app/. */
  private Path podFiles(String name, boolean subdomain) throws IOException {
    Path root = Files.createDirectories(dir.resolve(name));
    Files.writeString(root.resolve("hosts"), "127.0.0.1\tlocalhost\n" + POD_IP + "\t" + (subdomain ? FQDN + "\t" : "") + POD + "\n");
    Files.writeString(root.resolve("resolv.conf"), "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver " + DNS_IP + "\noptions ndots:5\n");
    Path rel = Files.createDirectories(root.resolve("app/releases/1.4.2"));
    Path example = DoctorCommandTest.REPO.resolve("docs/examples/srv-deployment/config");
    Files.copy(example.resolve("sys.config"), rel.resolve("sys.config"));
    Files.copy(example.resolve("vm.args.src"), rel.resolve("vm.args.src"));
    return root;
  }

  private DoctorProcessTest.Run doctorInPod(Path root) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", podNs, "unshare", "--uts", "--mount", "--propagation", "private", "sh", "-c",
        "hostname " + POD + " && mount --bind \"$0\" /etc/hosts && mount --bind \"$1\" /etc/resolv.conf && shift && exec \"$@\"",
        root.resolve("hosts").toString(), root.resolve("resolv.conf").toString()));
    cmd.addAll(DoctorProcessTest.command());
    cmd.addAll(List.of("doctor", "--local", "--release-dir", root.resolve("app").toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("POD_IP", POD_IP);
    pb.environment().put("ERL_DIST_PORT", "39135");
    pb.environment().put("NO_COLOR", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    return new DoctorProcessTest.Run(p.waitFor(), out, err);
  }

  @Test
  void podWithItsSubdomainPasses() throws Exception {
    DoctorProcessTest.Run r = doctorInPod(podFiles("good", true));
    assertThat(r.out()).as(r.err()).contains("PASS  pod-fqdn").contains("canonical name of " + POD + " in /etc/hosts");
    assertThat(r.out()).contains("FQDN " + FQDN).contains("the answer has 2 hosts");
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(0);
  }

  @Test
  void podWithoutSubdomainFailsPodFqdn() throws Exception {
    DoctorProcessTest.Run r = doctorInPod(podFiles("bad", false));
    assertThat(r.out()).as(r.err()).contains("FAIL  pod-fqdn");
    assertThat(r.exit()).isEqualTo(1);
  }

  private static void sh(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new AssertionError(String.join(" ", cmd) + ": " + out);
    }
  }
}
