package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.gather.LocalPod;
import dev.clusterctl.gather.LocalSource;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.BindServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor --local} on a pod laid out in a temp directory: host name, /etc/hosts, resolv.conf, env, release. */
class LocalDoctorTest {

  static final String POD = "ledger-7d9f8b6c5-bcdfg";
  static final String FQDN = POD + ".ledger-dist.payments.svc.cluster.local";

  /** A pod root: the kubelet's /etc/hosts (with or without the subdomain line) and a release under /app. */
  static Path pod(Path root, boolean subdomain, String resolvConf) throws Exception {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), POD + "\n");
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/hosts"), "# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n"
        + (subdomain ? "10.244.1.2\t" + FQDN + "\t" + POD + "\n" : "10.244.1.2\t" + POD + "\n"));
    Files.writeString(root.resolve("etc/resolv.conf"), resolvConf);
    Path rel = root.resolve("app/releases/1.4.2");
    Files.createDirectories(rel);
    Files.writeString(root.resolve("app/releases/start_erl.data"), "13.2 1.4.2\n");
    Path examples = ExamplesTest.EXAMPLES.resolve("srv-deployment/config");
    Files.copy(examples.resolve("sys.config"), rel.resolve("sys.config"));
    Files.copy(examples.resolve("vm.args.src"), rel.resolve("vm.args.src"));
    return root;
  }

  static LocalPod local(Path root) {
    return new LocalPod(root, LocalPod.readHostname(root), Map.of("POD_IP", "10.244.1.2", "ERL_DIST_PORT", "39135", "ERLANG_COOKIE", "secret-cookie"),
        Optional.empty(), Optional.empty(), Optional.empty());
  }

  @Test
  void fqdnIsTheCanonicalNameInEtcHostsAsTheVmFindsIt(@TempDir Path dir) throws Exception {
    LocalPod pod = local(pod(dir, true, "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 127.0.0.1\n"));
    assertThat(pod.fqdn().name()).isEqualTo(FQDN);
    assertThat(pod.releaseFile("vm.args", "vm.args.src")).contains(dir.resolve("app/releases/1.4.2/vm.args.src"));
    LocalPod bare = local(pod(dir.resolve("bare"), false, "domain example.org\n"));
    assertThat(bare.fqdn().name()).isEqualTo(POD + ".example.org");
    assertThat(pod.shownEnv()).containsOnlyKeys("POD_IP", "ERL_DIST_PORT");
  }

  @Test
  void reportsFromInsideThePodWithItsResolver(@TempDir Path dir) throws Exception {
    BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
    zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 50, 39135, FQDN + ".");
    zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 50, 39135, "ledger-7d9f8b6c5-cdfgh.ledger-dist.payments.svc.cluster.local.");
    try (BindServer bind = BindServer.start(zone.build())) {
      String resolv = "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 127.0.0.1\n";
      Path good = pod(dir.resolve("good"), true, resolv);
      Report r = Doctor.diagnose(new LocalSource(local(good), Optional.of(List.of(bind.address()))), ApiDoctorTest.ALL);
      assertThat(ApiDoctorTest.status(r, "pod-fqdn")).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(ApiDoctorTest.result(r, "pod-fqdn").message()).contains("in this pod: canonical name of " + POD + " in /etc/hosts");
      assertThat(ApiDoctorTest.result(r, "dns-answers-match-endpoints").status()).isEqualTo(Status.SKIP);
      assertThat(ApiDoctorTest.result(r, "service-exists").message()).contains("--local does not read");
      assertThat(r.inputs().toString()).doesNotContain("secret-cookie");

      Path noSubdomain = pod(dir.resolve("bad"), false, resolv);
      Report bad = Doctor.diagnose(new LocalSource(local(noSubdomain), Optional.of(List.of(bind.address()))), ApiDoctorTest.ALL);
      CheckResult fqdn = ApiDoctorTest.result(bad, "pod-fqdn");
      assertThat(fqdn.status()).as(ExamplesTest.dump(bad)).isEqualTo(Status.FAIL);
      assertThat(fqdn.names().get(0).calledItself()).isEqualTo(POD);
    }
  }

  @Test
  void emptyAnswerFails(@TempDir Path dir) throws Exception {
    try (BindServer bind = BindServer.start(BindServer.zone("cluster.local").a("other.payments.svc", "10.0.0.1").build())) {
      Path root = pod(dir, true, "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 127.0.0.1\n");
      Report r = Doctor.diagnose(new LocalSource(local(root), Optional.of(List.of(bind.address()))), ApiDoctorTest.ALL);
      assertThat(ApiDoctorTest.status(r, "dns-answers-match-endpoints")).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
    }
  }

  @Test
  void theDiscoveryQueryAtANameserverIsHeardStartingAndEnding(@TempDir Path dir) throws Exception {
    java.util.List<String> heard = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    dev.clusterctl.dns.WaitListener waits = (server, transport, name) -> {
      heard.add("start " + server.getPort() + " " + transport);
      return () -> heard.add("end " + server.getPort() + " " + transport);
    };
    // a server that refuses every question at once: the waits are short, but each is heard
    dev.clusterctl.testing.FakeDnsServer.Responder refuse = query -> {
      org.xbill.DNS.Message reply = new org.xbill.DNS.Message(query.getHeader().getID());
      reply.getHeader().setFlag(org.xbill.DNS.Flags.QR);
      reply.getHeader().setRcode(org.xbill.DNS.Rcode.REFUSED);
      reply.addRecord(query.getQuestion(), org.xbill.DNS.Section.QUESTION);
      return reply.toWire();
    };
    try (dev.clusterctl.testing.FakeDnsServer server = dev.clusterctl.testing.FakeDnsServer.start(refuse, refuse)) {
      Path root = pod(dir, true, "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 127.0.0.1\n");
      Report r = Doctor.diagnose(new LocalSource(local(root), Optional.of(List.of(server.address())), waits), ApiDoctorTest.ALL);
      Report unheard = Doctor.diagnose(new LocalSource(local(root), Optional.of(List.of(server.address()))), ApiDoctorTest.ALL);
      assertThat(ExamplesTest.dump(r)).isEqualTo(ExamplesTest.dump(unheard));
      assertThat(heard).isNotEmpty().first().isEqualTo("start " + server.port() + " UDP");
      assertThat(heard.stream().filter(h -> h.startsWith("start ")).count()).as("every wait ends")
          .isEqualTo(heard.stream().filter(h -> h.startsWith("end ")).count());
    }
  }

  @Test
  void aFailureInsideThePodHasNoPlanAndSaysHowToGetOne(@TempDir Path dir) throws Exception {
    BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
    zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 50, 39135, FQDN + ".");
    try (BindServer bind = BindServer.start(zone.build())) {
      Path noSubdomain = pod(dir, false, "search payments.svc.cluster.local svc.cluster.local cluster.local\nnameserver 127.0.0.1\n");
      Doctor.Diagnosis d = Doctor.run(new LocalSource(local(noSubdomain), Optional.of(List.of(bind.address()))), ApiDoctorTest.ALL);
      assertThat(ApiDoctorTest.status(d.report(), "pod-fqdn")).isEqualTo(Status.FAIL);
      dev.clusterctl.report.FixPlan plan = d.report().fix().orElseThrow();
      assertThat(plan.verified()).isFalse();
      assertThat(plan.unfixed()).singleElement().satisfies(u -> {
        assertThat(u.check()).isEqualTo("pod-fqdn");
        assertThat(u.why()).contains("inside this pod (--local), which reads no Kubernetes objects").contains("clusterctl doctor --fix DIR against the API")
            .contains("Give the pods a subdomain");
      });
      assertThat(d.fixes()).as("nothing proven, nothing to write").isEmpty();
    }
  }
}
