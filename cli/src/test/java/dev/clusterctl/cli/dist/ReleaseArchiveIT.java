package dev.clusterctl.cli.dist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.Main;
import dev.clusterctl.cli.completion.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The archives {@code jreleaser:assemble} built, unpacked into a temporary directory and run from
 * their own launcher, with an empty CLASSPATH and no other clusterctl anywhere.
 */
class ReleaseArchiveIT {

  /**
   * What the unpacked launcher must run: arguments (relative paths are inside the unpacked
   * archive), the exit code, and a text stdout must contain. One line per command.
   */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of(List.of("--version"), 0, "clusterctl " + System.getProperty("clusterctl.version")),
        Arguments.of(List.of("completion", "bash"), 0, "complete -F"),
        Arguments.of(List.of("doctor", "-f", "examples/srv-deployment"), 0, "0 warned, 0 failed"),
        Arguments.of(List.of("doctor", "-f", "examples/broken/srv-no-subdomain"), 1, "FAIL  pod-subdomain"),
        Arguments.of(List.of("completion", "tcsh"), 2, ""));
  }

  @TempDir static Path tmp;

  private static Path zipHome;
  private static Path tarHome;

  private static Path archives() {
    return Path.of(System.getProperty("clusterctl.target", "target"), "jreleaser", "assemble", "clusterctl", "java-archive");
  }

  private static String base() {
    return "clusterctl-" + System.getProperty("clusterctl.version");
  }

  @BeforeAll
  static void unpack() throws Exception {
    Path zip = archives().resolve(base() + ".zip");
    Path tgz = archives().resolve(base() + ".tar.gz");
    assertThat(zip).as("run ./mvnw verify: jreleaser:assemble makes it").exists();
    assertThat(tgz).exists();
    zipHome = unzip(zip, Files.createDirectories(tmp.resolve("zip"))).resolve(base());
    Path tarDir = Files.createDirectories(tmp.resolve("tar"));
    assertThat(run(List.of("tar", "xzf", tgz.toString(), "-C", tarDir.toString()), tarDir).exit).isZero();
    tarHome = tarDir.resolve(base());
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theUnpackedTarRuns(List<String> args, int exit, String out) throws Exception {
    check(tarHome, args, exit, out);
  }

  @ParameterizedTest
  @MethodSource("commands")
  void theUnpackedZipRuns(List<String> args, int exit, String out) throws Exception {
    check(zipHome, args, exit, out);
  }

  private static void check(Path home, List<String> args, int exit, String out) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(home.resolve("bin/clusterctl").toString());
    cmd.addAll(args);
    Run r = run(cmd, home);
    assertThat(r.exit).as("%s\nstdout: %s\nstderr: %s", cmd, r.out, r.err).isEqualTo(exit);
    assertThat(r.out).contains(out);
    if (exit == 0) {
      assertThat(r.err).isEmpty();
    }
  }

  @Test
  void theArchiveShipsLaunchersCompletionsAndManPages() {
    for (Path home : List.of(zipHome, tarHome)) {
      assertThat(home.resolve("bin/clusterctl")).isExecutable();
      assertThat(home.resolve("bin/clusterctl.bat")).exists();
      assertThat(home.resolve("lib/clusterctl-cli.jar")).exists();
      for (Shell shell : Shell.values()) {
        assertThat(home.resolve("completions").resolve(shell.fileName())).exists();
      }
      assertThat(home.resolve("man/man1/clusterctl.1")).exists();
      // what the reports and --help point at, and the guides with their examples, as in a checkout
      assertThat(home.resolve("docs/checks.md")).exists();
      assertThat(home.resolve("docs/getting-started.md")).exists();
      assertThat(home.resolve("docs/examples/srv-deployment/service.yaml")).exists();
      Main.commandLine().getSubcommands().values().stream()
          .filter(c -> !c.getCommandSpec().usageMessage().hidden())
          .forEach(c -> assertThat(home.resolve("man/man1/clusterctl-" + c.getCommandName() + ".1")).exists());
    }
  }

  /**
   * picocli rebuilt for Java 17 (for class-data sharing) ships under a version of its own, saying
   * where it came from, so that no scanner or SBOM takes it for the jar Maven Central publishes.
   */
  @Test
  void thePicocliRebuiltForJava17IsNamedAsClusterctlsOwn() throws Exception {
    String version = System.getProperty("picocli.version");
    assertThat(version).as("failsafe passes picocli.version").isNotBlank();
    for (Path home : List.of(zipHome, tarHome)) {
      Path rebuilt = home.resolve("lib/picocli-" + version + "-clusterctl-jdk17.jar");
      assertThat(rebuilt).exists();
      assertThat(home.resolve("lib/picocli-" + version + ".jar")).doesNotExist();
      try (java.util.jar.JarFile jar = new java.util.jar.JarFile(rebuilt.toFile())) {
        java.util.jar.Attributes manifest = jar.getManifest().getMainAttributes();
        assertThat(manifest.getValue("Implementation-Version")).isEqualTo(version + "-clusterctl-jdk17");
        assertThat(manifest.getValue("Built-From")).startsWith("info.picocli:picocli:" + version + ":sources");
        try (InputStream in = jar.getInputStream(jar.getEntry("picocli/CommandLine.class"))) {
          byte[] head = in.readNBytes(8);
          assertThat(((head[6] & 0xff) << 8) | (head[7] & 0xff)).as("class file major version").isEqualTo(61);
        }
      }
    }
  }

  @Test
  void eachCommandsFirstRunMakesTheStartUpArchiveItsNextRunsUse() throws Exception {
    // the launcher exec's the JVM, which writes the archive as it exits under a temporary name (with
    // a marker when the run did its work); the command's next run moves it into place and uses it
    Path cache = tmp.resolve("cache-first-run");
    String launcher = tarHome.resolve("bin/clusterctl").toString();
    Run first = run(List.of(launcher, "--version"), tarHome, cache);
    assertThat(first.exit).isZero();
    assertThat(archives(cache)).isEmpty();
    assertThat(files(cache)).anyMatch(n -> n.matches("cds-\\d+-cli\\.\\d+\\.tmp")).anyMatch(n -> n.matches("cds-\\d+-cli\\.\\d+\\.ok"));
    Run second = run(List.of(launcher, "--version"), tarHome, cache);
    assertThat(second.out).isEqualTo(first.out);
    assertThat(second.err).isEmpty();
    assertThat(archives(cache)).singleElement().asString().matches("cds-\\d+-cli\\.jsa");

    // asking doctor for its help, or giving it bad input, makes no archive for doctor
    assertThat(run(List.of(launcher, "doctor", "--help"), tarHome, cache).exit).isZero();
    assertThat(run(List.of(launcher, "doctor", "-f", "/nonexistent"), tarHome, cache).exit).isEqualTo(2);
    assertThat(files(cache)).noneMatch(n -> n.contains("-doctor.") && n.endsWith(".ok"));

    // a doctor after a --version gets an archive of its own, with fabric8's and Jackson's classes
    String example = tarHome.resolve("examples/srv-deployment").toString();
    Run doctor = run(List.of(launcher, "doctor", "-f", example, "-o", "json"), tarHome, cache);
    assertThat(doctor.exit).as(doctor.err).isZero();
    Run again = run(List.of(launcher, "doctor", "-f", example, "-o", "json"), tarHome, cache);
    assertThat(again.exit).isZero();
    assertThat(again.err).isEmpty();
    assertThat(archives(cache)).hasSize(2).anySatisfy(name -> assertThat(name).matches("cds-\\d+-doctor\\.jsa"));
    assertThat(files(cache)).noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".ok"));
  }

  private static List<String> files(Path cache) throws java.io.IOException {
    try (Stream<Path> files = Files.list(cache.resolve("clusterctl"))) {
      return files.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> archives(Path cache) throws java.io.IOException {
    return files(cache).stream().filter(n -> n.endsWith(".jsa")).toList();
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(List<String> cmd, Path dir) throws Exception {
    return run(cmd, dir, tmp.resolve("cache"));
  }

  private static Run run(List<String> cmd, Path dir, Path cache) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("CLASSPATH");
    pb.environment().remove("CLUSTERCTL_JAVA_OPTS");
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().put("XDG_CACHE_HOME", cache.toString());
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Path err = Files.createTempFile(tmp, "err", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Run(p.exitValue(), out, Files.readString(err));
  }

  private static Path unzip(Path zip, Path into) throws IOException {
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
        Path target = into.resolve(e.getName()).normalize();
        assertThat(target.startsWith(into)).as("zip entry %s stays inside", e.getName()).isTrue();
        if (e.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(z, target);
          if (target.getParent().getFileName().toString().equals("bin") && !target.toString().endsWith(".bat")) {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
          }
        }
      }
    }
    return into;
  }
}
