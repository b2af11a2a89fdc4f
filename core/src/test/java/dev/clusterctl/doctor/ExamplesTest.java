package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.doctor.Doctor;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped examples: the good set-ups pass, each broken variant fails with its check id. */
class ExamplesTest {

  static final Path EXAMPLES = Path.of("..", "docs", "examples");

  static Report doctor(String example) {
    FileInputs in = new FileInputs(List.of(EXAMPLES.resolve(example).toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    return Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(TargetOptions.none(), CheckRegistry.standard().all()));
  }

  static Map<String, Status> statuses(Report report) {
    return report.results().stream().collect(Collectors.toMap(CheckResult::id, CheckResult::status));
  }

  static String dump(Report report) {
    return report.results().stream().map(r -> r.status() + " " + r.id() + ": " + r.message() + " " + r.names()).collect(Collectors.joining("\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"a-records", "srv-deployment", "srv-statefulset"})
  void goodExamplesHaveNoFailure(String example) {
    Report report = doctor(example);
    assertThat(report.results()).as(dump(report)).noneMatch(r -> r.status() == Status.FAIL || r.status() == Status.ERROR);
    assertThat(statuses(report)).as(dump(report)).containsEntry("node-host-matches-dns", Status.PASS).containsEntry("node-name", Status.PASS);
  }

  @ParameterizedTest
  @CsvSource({
    "broken/srv-no-subdomain, pod-subdomain",
    "broken/srv-no-endpoint-pod-names, coredns-endpoint-pod-names",
    "broken/srv-not-headless, service-headless",
    "broken/srv-port-name-mismatch, service-port-name",
    "broken/srv-sname, node-name",
    "broken/sts-service-name-mismatch, pod-subdomain"
  })
  void brokenExamplesFailWithTheirId(String example, String id) {
    Report report = doctor(example);
    assertThat(statuses(report)).as(dump(report)).containsEntry(id, Status.FAIL);
    assertThat(statuses(report)).as(dump(report)).containsEntry("node-host-matches-dns", Status.FAIL);
  }
}
