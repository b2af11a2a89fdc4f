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
}
