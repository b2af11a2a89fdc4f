package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The manifest fixtures under {@code src/test/resources/manifests}: YAML written the ways people
 * write it (Helm output, anchors, merge keys, BOM and CRLF), each with the verdict its {@code why}
 * reasons out, held in its {@code expected} file ({@code verdict=pass|fail|bad-input},
 * {@code fail=} the failing check ids, {@code message=} the one line of bad input).
 */
class ManifestFixturesTest {

  static final Path FIXTURES = Path.of("src", "test", "resources", "manifests");

  /** Every fixture directory (one that holds an {@code expected} file), relative to {@link #FIXTURES}. */
  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> walk = Files.walk(FIXTURES)) {
      return walk.filter(p -> p.getFileName().toString().equals("expected")).map(p -> FIXTURES.relativize(p.getParent()).toString()).sorted().toList().stream();
    }
  }

  static Properties expected(Path dir) throws IOException {
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(dir.resolve("expected"))) {
      p.load(in);
    }
    return p;
  }

  static Report doctor(Path dir) {
    FileInputs in = new FileInputs(List.of(dir.toString()), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    return Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(null), in), new DoctorOptions(TargetOptions.none(), CheckRegistry.standard().all()));
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void eachFixtureHasTheVerdictItsWhyReasons(String name) throws IOException {
    Path dir = FIXTURES.resolve(name);
    assertThat(dir.resolve("why")).as("every fixture reasons its verdict").isNotEmptyFile();
    Properties want = expected(dir);
    switch (want.getProperty("verdict")) {
      case "bad-input" -> assertThatThrownBy(() -> doctor(dir))
          .isInstanceOf(BadInputException.class)
          .hasMessageEndingWith(want.getProperty("message"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("java."));
      case "pass" -> {
        Report r = doctor(dir);
        assertThat(r.results()).as(dump(r)).noneMatch(c -> c.status() == Status.FAIL || c.status() == Status.ERROR);
        assertThat(r.results()).as(dump(r)).anyMatch(c -> c.id().equals("node-host-matches-dns") && c.status() == Status.PASS);
      }
      case "fail" -> {
        Report r = doctor(dir);
        List<String> failing = r.results().stream().filter(c -> c.status() == Status.FAIL).map(CheckResult::id).toList();
        assertThat(failing).as(dump(r)).contains(want.getProperty("fail").split(","));
      }
      default -> throw new AssertionError(name + ": unknown verdict " + want.getProperty("verdict"));
    }
  }

  static String dump(Report report) {
    return report.results().stream().map(r -> r.status() + " " + r.id() + ": " + r.message()).collect(Collectors.joining("\n"));
  }
}
