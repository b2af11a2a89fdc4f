package dev.clusterctl.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.Report;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Set-ups modelled on how public projects deploy Erlang and Elixir clusters on Kubernetes, each in
 * {@code src/test/resources/setups/NAME/}: the team's tree (manifests, release files where that team
 * keeps them), a {@code why} reasoning the verdict from Kubernetes, CoreDNS and Erlang rules, and an
 * {@code expect.properties}:
 *
 * <pre>
 * args=-f k8s --release-dir .        doctor's arguments; paths relative to the set-up's folder
 * exit=0                             0 pass, 1 a check fails, 2 bad input, 3 a check could not run
 * check.node-name=PASS               a check's status (PASS, WARN, FAIL, SKIP, ERROR)
 * check.service-target-port=!FAIL    any status but this one
 * contains.1=text                    text found in the report (messages, evidence, notes, assumptions)
 * absent.1=text                      text not in the report
 * pending=reason                     a known gap: the expectations are the true verdict, doctor does not
 *                                    give it yet; the test is reported as aborted with the reason and the
 *                                    differences, and fails once doctor gets it right (remove the line)
 * pending.keys=check.a,working       the expectations the gap covers (default: all); the others are
 *                                    asserted as usual
 * </pre>
 *
 * A working set-up ({@code exit=0}) must also have no FAIL and no ERROR: doctor must not fail a
 * working cluster on an assumption.
 */
class RealWorldSetupsTest {

  static final Path SETUPS = Path.of("src", "test", "resources", "setups");

  @TestFactory
  Stream<DynamicTest> everySetupGetsItsReasonedVerdict() throws IOException {
    return setups().stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> judge(dir)));
  }

  @Test
  void theSetupsCoverWhatTheIssueAsks() throws IOException {
    List<Path> dirs = setups();
    assertThat(dirs).as("set-ups").hasSizeGreaterThanOrEqualTo(15);
    int broken = 0;
    for (Path d : dirs) {
      assertThat(d.resolve("why")).as(d + ": a why beside it").isRegularFile();
      assertThat(Files.readString(d.resolve("why")).length()).as(d + "/why says something").isGreaterThan(200);
      Properties p = load(d);
      assertThat(p.getProperty("args")).as(d + ": args").isNotBlank();
      assertThat(p.getProperty("exit")).as(d + ": exit").isIn("0", "1", "2", "3");
      assertThat(p.stringPropertyNames().stream().filter(k -> k.startsWith("check."))).as(d + ": per-check expectations").isNotEmpty();
      if (p.getProperty("exit").equals("1")) {
        broken++;
      }
    }
    assertThat(broken).as("broken set-ups").isGreaterThanOrEqualTo(4);
  }

  static List<Path> setups() throws IOException {
    try (Stream<Path> s = Files.list(SETUPS)) {
      return s.filter(Files::isDirectory).sorted().toList();
    }
  }

  static Properties load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("expect.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }

  /** Runs doctor on {@code dir} as its expect.properties says, and compares. */
  static void judge(Path dir) throws IOException {
    Properties expect = load(dir);
    Run run = run(dir, expect.getProperty("args"));
    Map<String, String> differences = differences(expect, run);
    String pending = expect.getProperty("pending");
    String context = dir.getFileName() + " (" + expect.getProperty("args") + ")\n" + run.dump();
    Set<String> pendingKeys = pendingKeys(expect);
    Map<String, String> strict = new TreeMap<>(differences);
    strict.keySet().removeIf(k -> pendingKeys.contains(k) || pendingKeys.contains("*"));
    assertThat(strict.values()).as(context).isEmpty();
    if (pending != null) {
      Map<String, String> gaps = differences; // every difference left is one the gap covers: the others failed above
      if (gaps.isEmpty()) {
        fail(dir.getFileName() + " is marked pending (" + pending + ") but doctor now gives the reasoned verdict for "
            + expect.getProperty("pending.keys", "every expectation") + ": remove 'pending'");
      }
      Assumptions.abort("known gap in " + dir.getFileName() + ": " + pending + "; differs: " + String.join("; ", gaps.values()));
    }
  }

  /** The expectations a known gap covers: {@code pending.keys} (comma-separated), else all ({@code *}); none without {@code pending}. */
  static Set<String> pendingKeys(Properties expect) {
    if (expect.getProperty("pending") == null) {
      return Set.of();
    }
    String keys = expect.getProperty("pending.keys");
    return keys == null ? Set.of("*") : Stream.of(keys.split(",")).map(String::trim).collect(Collectors.toSet());
  }

  /** What differs from the expectations, by expectation key ({@code exit}, {@code working}, {@code check.ID}, {@code contains.N}…). */
  static Map<String, String> differences(Properties expect, Run run) {
    Map<String, String> out = new TreeMap<>();
    int exit = Integer.parseInt(expect.getProperty("exit").trim());
    if (run.exit() != exit) {
      out.put("exit", "exit " + run.exit() + ", expected " + exit + (run.error() == null ? "" : " (" + run.error() + ")"));
    }
    if (run.report() == null) {
      return out;
    }
    Map<String, Status> statuses = run.report().results().stream().collect(Collectors.toMap(CheckResult::id, CheckResult::status));
    if (exit == 0) {
      String failed = run.report().results().stream().filter(r -> r.status() == Status.FAIL || r.status() == Status.ERROR)
          .map(r -> r.status() + " " + r.id() + ": " + r.message()).collect(Collectors.joining("; "));
      if (!failed.isEmpty()) {
        out.put("working", "a working set-up got " + failed);
      }
    }
    for (String key : expect.stringPropertyNames()) {
      String want = expect.getProperty(key).trim();
      if (key.startsWith("check.")) {
        String id = key.substring("check.".length());
        Status got = statuses.get(id);
        if (got == null) {
          out.put(key, id + " did not run");
        } else if (want.startsWith("!") ? got == status(want.substring(1)) : got != status(want)) {
          out.put(key, id + " is " + got + ", expected " + want);
        }
      } else if (key.startsWith("contains.") && !run.dump().contains(want)) {
        out.put(key, "report lacks '" + want + "'");
      } else if (key.startsWith("absent.") && run.dump().contains(want)) {
        out.put(key, "report has '" + want + "'");
      }
    }
    return out;
  }

  static Status status(String s) {
    return Status.valueOf(s.trim().toUpperCase(Locale.ROOT));
  }

  /** One doctor run: its report (null on bad input), exit code and error line. */
  record Run(Report report, int exit, String error) {
    String dump() {
      if (report == null) {
        return "error: " + error;
      }
      StringBuilder sb = new StringBuilder();
      sb.append("target ").append(report.target()).append('\n');
      report.inputs().forEach(i -> sb.append("input ").append(i).append('\n'));
      report.assumptions().forEach(a -> sb.append(a.softens() ? "assumed " : "premise ").append(a.describe()).append('\n'));
      report.notes().forEach(n -> sb.append("note ").append(n).append('\n'));
      for (CheckResult r : report.results()) {
        sb.append(r.status()).append(' ').append(r.id()).append(": ").append(r.message()).append('\n');
        r.evidence().forEach(e -> sb.append("    ").append(e.label()).append(": ").append(e.value()).append('\n'));
        r.names().forEach(n -> sb.append("    ").append(n.subject()).append(" calls itself ").append(n.calledItself())
            .append(", peers dial ").append(n.peersUse()).append('\n'));
        r.remediation().ifPresent(f -> sb.append("    fix: ").append(f.text()).append('\n'));
        r.assumptions().stream().map(Assumption::describe).forEach(a -> sb.append("    because ").append(a).append('\n'));
      }
      return sb.toString();
    }
  }

  /**
   * What the command line {@code args} gives doctor for the set-up in {@code dir}.
   *
   * @param files the file inputs
   * @param target the target options
   */
  record Inputs(FileInputs files, TargetOptions target) {}

  /** Runs doctor on the set-up in {@code dir} with {@code args} as the command line gives them. */
  static Run run(Path dir, String args) {
    Inputs inputs = inputs(dir, args);
    try {
      Report report = Doctor.diagnose(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), inputs.files()),
          new DoctorOptions(inputs.target(), CheckRegistry.standard().all()));
      int exit = report.has(Status.ERROR) ? 3 : report.has(Status.FAIL) ? 1 : 0;
      return new Run(report, exit, null);
    } catch (BadInputException e) {
      return new Run(null, 2, e.getMessage());
    }
  }

  /** Doctor on {@code dir} with the inputs {@code args} name, judged by {@code checks}. */
  static Doctor.Diagnosis diagnose(Path dir, String args, List<Check> checks) {
    Inputs in = inputs(dir, args);
    return Doctor.run(new FileSource(new ByteArrayInputStream(new byte[0]), new Kustomize(), in.files()), new DoctorOptions(in.target(), checks));
  }

  /** The inputs {@code args} name, paths resolved against {@code dir}. */
  static Inputs inputs(Path dir, String args) {
    List<String> f = new ArrayList<>();
    List<String> k = new ArrayList<>();
    Map<String, String> opt = new TreeMap<>();
    String[] words = args.trim().split("\\s+");
    for (int i = 0; i < words.length; i++) {
      String w = words[i];
      if (i + 1 >= words.length) {
        throw new IllegalArgumentException("option " + w + " needs a value: " + args);
      }
      String v = words[++i];
      switch (w) {
        case "-f", "--filename" -> f.add(dir.resolve(v).toString());
        case "-k", "--kustomize" -> k.add(dir.resolve(v).toString());
        case "--corefile", "--sys-config", "--vm-args", "--release-env", "--release-dir" -> opt.put(w, dir.resolve(v).normalize().toString());
        case "--strategy", "--basename", "--domain", "--service", "--workload", "-n", "--namespace", "--cluster-domain" -> opt.put(w, v);
        default -> throw new IllegalArgumentException("option " + w + " is not one the set-ups use: " + args);
      }
    }
    if (!k.isEmpty()) {
      Assumptions.assumeTrue(onPath("kubectl"), "kubectl is not on PATH: -k cannot be rendered");
    }
    FileInputs in = new FileInputs(f, k, Optional.ofNullable(opt.get("--corefile")), Optional.ofNullable(opt.get("--sys-config")),
        Optional.ofNullable(opt.get("--vm-args")), Optional.ofNullable(opt.get("--release-env")), Optional.ofNullable(opt.get("--release-dir")));
    TargetOptions target = new TargetOptions(
        Optional.ofNullable(opt.get("--strategy")).map(Strategy::fromId),
        Optional.ofNullable(opt.get("--basename")),
        Optional.ofNullable(opt.get("--domain")),
        Optional.ofNullable(opt.get("--service")),
        Optional.ofNullable(opt.get("--workload")),
        Optional.ofNullable(opt.get("-n")).or(() -> Optional.ofNullable(opt.get("--namespace"))),
        Optional.ofNullable(opt.get("--cluster-domain")));
    return new Inputs(in, target);
  }

  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    return path != null && Stream.of(path.split(java.io.File.pathSeparator)).anyMatch(p -> Files.isExecutable(Path.of(p, program)));
  }
}
