package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.testing.BindServer;
import dev.clusterctl.testing.MockCluster;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code doctor --fix} against the Kubernetes API: the objects read become the base, without what the server adds. */
class FixFromApiTest {

  @TempDir
  Path tmp;

  @Test
  void theObjectsReadFromTheApiBecomeTheBaseAndTheRenderedSetUpPasses() throws Exception {
    String example = "broken/srv-no-subdomain";
    try (MockCluster c = ApiDoctorTest.cluster(example, 0)) {
      Doctor.Diagnosis d = Doctor.run(ApiSource.of(new KubeApi(c.client(), "payments"), ApiDoctorTest.inputs(example, DnsWhere.none())), ApiDoctorTest.ALL);
      FixPlan plan = d.report().fix().orElseThrow();
      assertThat(plan.verified()).as(plan.toString()).isTrue();
      assertThat(plan.changes()).singleElement().satisfies(ch -> {
        assertThat(ch.object()).isEqualTo("Deployment/payments/ledger");
        assertThat(ch.path()).isEqualTo("spec.template.spec.subdomain");
        assertThat(ch.file()).isEqualTo("API payments/ledger");
      });
      Path out = tmp.resolve("fix");
      new FixWriter().write(out, false, d);
      String base = Files.readString(out.resolve("base/resources.yaml"));
      assertThat(base).contains("kind: Deployment").doesNotContain("resourceVersion").doesNotContain("uid:").doesNotContain("managedFields");
      Report again = Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null),
          new FileInputs(List.of(out.resolve("rendered").toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty())), ApiDoctorTest.ALL);
      assertThat(again.results()).noneMatch(r -> r.status() == Status.FAIL);
    }
  }

  @Test
  void aFailureSeenOnlyInTheRunningClusterHasNoPlanAndSaysWhy() throws Exception {
    try (MockCluster c = ApiDoctorTest.cluster("srv-deployment", 0)) {
      List<io.fabric8.kubernetes.api.model.Pod> pods = c.client().pods().inNamespace("payments").list().getItems();
      BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
      // CoreDNS answers for all pods but the last: the configuration is right, what runs is not
      for (io.fabric8.kubernetes.api.model.Pod p : pods.subList(0, pods.size() - 1)) {
        zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 33, 39135, p.getMetadata().getName() + ".ledger-dist.payments.svc.cluster.local.");
      }
      try (BindServer bind = BindServer.start(zone.build())) {
        Doctor.Diagnosis d = Doctor.run(ApiSource.of(new KubeApi(c.client(), "payments"), ApiDoctorTest.inputs("srv-deployment", DnsWhere.nameservers(List.of(bind.address())))),
            ApiDoctorTest.ALL);
        assertThat(ApiDoctorTest.status(d.report(), "dns-answers-match-endpoints")).isEqualTo(Status.FAIL);
        FixPlan plan = d.report().fix().orElseThrow();
        assertThat(plan.verified()).isFalse();
        assertThat(plan.unfixed()).singleElement().satisfies(u -> {
          assertThat(u.check()).isEqualTo("dns-answers-match-endpoints");
          assertThat(u.why()).startsWith("seen in the running cluster while every check of its configuration passes");
        });
        assertThat(d.fixes()).isEmpty();
      }
    }
  }

  @Test
  void aPlanBesideALiveFailureSaysTheLiveCheckIsJudgedAgainOnceApplied() throws Exception {
    String example = "broken/srv-no-subdomain";
    try (MockCluster c = ApiDoctorTest.cluster(example, 0)) {
      List<io.fabric8.kubernetes.api.model.Pod> pods = c.client().pods().inNamespace("payments").list().getItems();
      // what CoreDNS really answers for pods without a subdomain: their dashed addresses
      BindServer.ZoneBuilder zone = BindServer.zone("cluster.local");
      for (io.fabric8.kubernetes.api.model.Pod p : pods) {
        zone.srv("_dist-erl._tcp.ledger-dist.payments.svc", 0, 33, 39135, p.getStatus().getPodIP().replace('.', '-') + ".ledger-dist.payments.svc.cluster.local.");
      }
      try (BindServer bind = BindServer.start(zone.build())) {
        Doctor.Diagnosis d = Doctor.run(ApiSource.of(new KubeApi(c.client(), "payments"), ApiDoctorTest.inputs(example, DnsWhere.nameservers(List.of(bind.address())))),
            ApiDoctorTest.ALL);
        List<String> live = d.report().results().stream().filter(r -> r.status() == Status.FAIL)
            .filter(r -> ApiDoctorTest.configChecks(d.report()).get(r.id()) == null).map(r -> r.id()).toList();
        assertThat(live).as("each pod's FQDN is its bare name, peers dial dashed addresses").contains("pod-fqdn");
        FixPlan plan = d.report().fix().orElseThrow();
        assertThat(plan.verified()).as(plan.toString()).isTrue();
        assertThat(plan.changes()).singleElement().satisfies(ch -> assertThat(ch.path()).isEqualTo("spec.template.spec.subdomain"));
        assertThat(plan.notes()).contains(String.join(", ", live) + " failed in the running cluster, where a change to the inputs cannot be proven: this plan "
            + "makes every check of the configuration pass; run doctor again once it is applied");
      }
    }
  }
}
