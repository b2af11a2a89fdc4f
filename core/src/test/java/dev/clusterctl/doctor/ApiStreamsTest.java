package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.observe.PodExec;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.KubeStreams;
import dev.clusterctl.testing.MockCluster;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * {@code doctor --exec} and {@code --dns-port-forward} end to end: fabric8's client against
 * fabric8's mock API server, whose WebSocket upgrades speak the exec protocol (stdout, stderr and
 * the status on the error channel) and the port-forward protocol (port frames, data and error
 * channels, DNS over TCP inside), with the failures real clusters give: exec forbidden by RBAC, a
 * container without {@code hostname}, a {@code hostname} that does not know {@code --fqdn}, and a
 * stream that stalls, which must end within {@code --timeout}.
 */
class ApiStreamsTest {

  static final List<String> HOSTNAME_FQDN = List.of("hostname", "--fqdn");
  static final String EXAMPLE = "srv-deployment";

  static MockCluster cluster(java.util.function.Function<io.fabric8.mockwebserver.http.RecordedRequest, io.fabric8.mockwebserver.http.MockResponse> streams) {
    MockCluster c = MockCluster.start(streams);
    c.apply(ExamplesTest.EXAMPLES.resolve(EXAMPLE));
    c.runControllers(0);
    c.corednsPods(Instant.parse("2026-11-21T09:00:00Z"));
    return c;
  }

  static List<Pod> pods(MockCluster c) {
    return c.client().pods().inNamespace("payments").list().getItems();
  }

  static String path(Pod p) {
    return KubeStreams.execPath("payments", p.getMetadata().getName(), "ledger", HOSTNAME_FQDN, true);
  }

  static String fqdn(Pod p) {
    return p.getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local";
  }

  static Report doctor(MockCluster c, Duration timeout, boolean exec, DnsWhere dns, List<String> progress) {
    ApiInputs base = ApiDoctorTest.inputs(EXAMPLE, dns);
    ApiInputs in = new ApiInputs(base.sysConfig(), base.vmArgs(), exec, 2, dns, (d, t) -> progress.add(d + "/" + t));
    return Doctor.diagnose(ApiSource.of(new KubeApi(c.client(), "payments", timeout), in), ApiDoctorTest.ALL);
  }

  static CheckResult result(Report r, String id) {
    return r.results().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void execReadsEachPodsFqdnFromStdout() {
    try (MockCluster c = cluster(r -> null)) {
      for (Pod p : pods(c)) {
        KubeStreams.exec(c, path(p), KubeStreams.stdout(fqdn(p) + "\n"), KubeStreams.success());
      }
      List<String> progress = Collections.synchronizedList(new ArrayList<>());
      Report r = doctor(c, Duration.ofSeconds(10), true, DnsWhere.none(), progress);
      CheckResult res = result(r, "pod-fqdn");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(res.message()).contains("from exec in 3 pods)");
      assertThat(progress).hasSize(3).contains("3/3");
    }
  }

  /** What only --exec can see: the spec promises the subdomain, but hostname --fqdn in the pod says otherwise. */
  @Test
  void execShowsAnFqdnTheSpecDoesNotPredict() {
    try (MockCluster c = cluster(r -> null)) {
      List<Pod> pods = pods(c);
      for (Pod p : pods) {
        String said = p == pods.get(0) ? p.getMetadata().getName() : fqdn(p);
        KubeStreams.exec(c, path(p), KubeStreams.stdout(said + "\n"), KubeStreams.success());
      }
      Report r = doctor(c, Duration.ofSeconds(10), true, DnsWhere.none(), new ArrayList<>());
      CheckResult res = result(r, "pod-fqdn");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
      assertThat(res.message()).startsWith("1 of 3 pods' FQDNs are not the hosts their peers dial (hostname --fqdn from exec in 3 pods)");
      assertThat(res.names()).singleElement().satisfies(n -> assertThat(n.toString()).contains(pods.get(0).getMetadata().getName()));
    }
  }

  @Test
  void execForbiddenFallsBackToTheSpecNamingTheMissingPermission() {
    try (MockCluster c = cluster(r -> null)) {
      for (Pod p : pods(c)) {
        KubeStreams.execForbidden(c, path(p), "payments");
      }
      Report r = doctor(c, Duration.ofSeconds(10), true, DnsWhere.none(), new ArrayList<>());
      CheckResult res = result(r, "pod-fqdn");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(res.message()).contains("from exec in 0 pods; computed from the spec for 3 where exec failed or the pod is not running: "
          + "forbidden: create pods/exec in namespace payments (see docs/rbac.yaml) (3 pods)");
    }
  }

  @Test
  void aContainerWithoutHostnameAndABusyboxHostnameAreSaidApart() {
    try (MockCluster c = cluster(r -> null)) {
      List<Pod> pods = pods(c);
      KubeStreams.exec(c, path(pods.get(0)), KubeStreams.notFound("hostname"));
      KubeStreams.exec(c, path(pods.get(1)), KubeStreams.stderr("hostname: unrecognized option: fqdn\nBusyBox v1.36.1 multi-call binary.\n"),
          KubeStreams.exitCode(1, HOSTNAME_FQDN));
      KubeStreams.exec(c, path(pods.get(2)), KubeStreams.stdout(fqdn(pods.get(2)) + "\n"), KubeStreams.success());
      Map<String, PodExec.Outcome> out = PodExec.outcomes(new KubeApi(c.client(), "payments", Duration.ofSeconds(10)), "payments",
          pods.stream().map(p -> p.getMetadata().getName()).toList(), "ledger", HOSTNAME_FQDN, 3, (d, t) -> { });
      assertThat(out.get(pods.get(0).getMetadata().getName()).failure()).isEqualTo("no 'hostname' in container ledger (the image does not have it)");
      assertThat(out.get(pods.get(1).getMetadata().getName()).failure()).isEqualTo("hostname --fqdn exited with status 1: hostname: unrecognized option: fqdn");
      assertThat(out.get(pods.get(2).getMetadata().getName()).line()).isEqualTo(fqdn(pods.get(2)));

      Report r = doctor(c, Duration.ofSeconds(10), true, DnsWhere.none(), new ArrayList<>());
      assertThat(result(r, "pod-fqdn").message()).contains("from exec in 1 pods; computed from the spec for 2 where exec failed or the pod is not running: "
          + "hostname --fqdn exited with status 1: hostname: unrecognized option: fqdn (1 pod); no 'hostname' in container ledger (the image does not have it) (1 pod)");
    }
  }

  @Test
  void aStreamThatClosesWithoutStatusIsSaid() {
    try (MockCluster c = cluster(r -> null)) {
      for (Pod p : pods(c)) {
        KubeStreams.execClosesSilently(c, path(p));
      }
      Report r = doctor(c, Duration.ofSeconds(10), true, DnsWhere.none(), new ArrayList<>());
      assertThat(result(r, "pod-fqdn").message()).contains("the exec stream closed without output or exit status (3 pods)");
    }
  }

  @Test
  void aStalledExecStreamEndsWithinTheTimeout() {
    try (MockCluster c = cluster(KubeStreams.stallingExecs())) {
      long t0 = System.nanoTime();
      Report r = doctor(c, Duration.ofSeconds(1), true, DnsWhere.none(), new ArrayList<>());
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      // three pods, two at a time: two waves of at most the 1 s timeout each, plus the rest of the run
      assertThat(took).isLessThan(Duration.ofSeconds(8));
      assertThat(result(r, "pod-fqdn").message()).contains("computed from the spec for 3 where exec failed or the pod is not running: no answer within 1 s (--timeout) (3 pods)");
    }
  }

  /** CoreDNS as the mock forwards to it: the pods' SRV records under the service, NXDOMAIN for every other name. */
  static UnaryOperator<Message> coredns(List<Pod> pods) {
    return q -> {
      Record question = q.getQuestion();
      Message reply = new Message(q.getHeader().getID());
      reply.getHeader().setFlag(Flags.QR);
      reply.getHeader().setFlag(Flags.AA);
      if (q.getHeader().getFlag(Flags.RD)) {
        reply.getHeader().setFlag(Flags.RD);
      }
      reply.addRecord(question, Section.QUESTION);
      if (question.getType() == Type.SRV && question.getName().toString().equals("_dist-erl._tcp.ledger-dist.payments.svc.cluster.local.")) {
        for (Pod p : pods) {
          try {
            reply.addRecord(new SRVRecord(question.getName(), DClass.IN, 30, 0, 33, 39135, Name.fromString(fqdn(p) + ".")), Section.ANSWER);
          } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
          }
        }
      } else {
        reply.getHeader().setRcode(Rcode.NXDOMAIN);
      }
      return reply;
    };
  }

  @Test
  void portForwardCarriesTheDiscoveryQueryToCorednsOverTcp() {
    AtomicInteger forwards = new AtomicInteger();
    List<Pod> answered = new ArrayList<>();
    try (MockCluster c = cluster(KubeStreams.dnsPortForward(KubeStreams.Forward.ANSWER, q -> coredns(answered).apply(q), forwards))) {
      answered.addAll(pods(c));
      Report r = doctor(c, Duration.ofSeconds(10), false, DnsWhere.portForward(), new ArrayList<>());
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.PASS);
      assertThat(res.evidence().toString()).contains("port-forward to kube-system/coredns-");
      assertThat(forwards.get()).isPositive();
    }
  }

  @Test
  void anAnswerLackingAPodThroughThePortForwardIsAFailure() {
    AtomicInteger forwards = new AtomicInteger();
    List<Pod> answered = new ArrayList<>();
    try (MockCluster c = cluster(KubeStreams.dnsPortForward(KubeStreams.Forward.ANSWER, q -> coredns(answered).apply(q), forwards))) {
      List<Pod> pods = pods(c);
      answered.addAll(pods.subList(0, 2));
      Report r = doctor(c, Duration.ofSeconds(10), false, DnsWhere.portForward(), new ArrayList<>());
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.FAIL);
      assertThat(res.evidence().toString()).contains(fqdn(pods.get(2)));
    }
  }

  @Test
  void anErrorOnThePortForwardsErrorChannelIsSaid() {
    AtomicInteger forwards = new AtomicInteger();
    try (MockCluster c = cluster(KubeStreams.dnsPortForward(KubeStreams.Forward.ERROR, q -> null, forwards))) {
      Report r = doctor(c, Duration.ofSeconds(2), false, DnsWhere.portForward(), new ArrayList<>());
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.SKIP);
      assertThat(res.message()).contains("--dns-port-forward to kube-system/coredns-").contains("the API server reported")
          .contains("failed to connect to localhost:53 inside namespace");
    }
  }

  @Test
  void aStalledPortForwardEndsWithinTheTimeout() {
    AtomicInteger forwards = new AtomicInteger();
    try (MockCluster c = cluster(KubeStreams.dnsPortForward(KubeStreams.Forward.STALL, q -> null, forwards))) {
      long t0 = System.nanoTime();
      Report r = doctor(c, Duration.ofSeconds(2), false, DnsWhere.portForward(), new ArrayList<>());
      Duration took = Duration.ofNanos(System.nanoTime() - t0);
      assertThat(took).isLessThan(Duration.ofSeconds(8));
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.SKIP);
      assertThat(res.message()).contains("port-forward to kube-system/coredns-");
      assertThat(forwards.get()).isPositive();
    }
  }

  @Test
  void forbiddenPortForwardIsNamed() {
    try (MockCluster c = cluster(r -> null)) {
      for (int i = 0; i < 2; i++) {
        c.server().expect().get().withPath("/api/v1/namespaces/kube-system/pods/coredns-5d78c9869d-" + (i == 0 ? "bbbbb" : "cbbbb") + "/portforward?ports=53")
            .andReturn(403, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"Forbidden\",\"code\":403}").always();
      }
      Report r = doctor(c, Duration.ofSeconds(2), false, DnsWhere.portForward(), new ArrayList<>());
      CheckResult res = result(r, "dns-answers-match-endpoints");
      assertThat(res.status()).as(ExamplesTest.dump(r)).isEqualTo(Status.SKIP);
      assertThat(res.message()).as(ExamplesTest.dump(r))
          .contains("--dns-port-forward to kube-system/coredns-5d78c9869d-bbbbb: forbidden: create pods/portforward in namespace kube-system (see docs/rbac.yaml)");
    }
  }
}
