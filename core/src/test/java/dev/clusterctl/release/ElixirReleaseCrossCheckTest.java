package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.testing.RealServers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end against a real Elixir release: one release is built with {@code mix release} (Elixir
 * 1.14, a fresh {@code mix new} project), and each Elixir release fixture runs it the way its pod
 * would: its env.sh (rendered by EEx) as {@code releases/0.1.0/env.sh}, its command (paths mapped
 * into the built release), its environment with values for what only the pod knows, and
 * {@code hostname} answering with the fixture's host names. The VM prints its {@code node()} and
 * cookie and halts ({@code ERL_ZFLAGS}, which no fixture uses); both must be what
 * {@link ReleaseNamingReader} predicts, or the VM must refuse to start when the predicted name is
 * one Erlang refuses.
 *
 * <p>The release is built once under the name {@code demo}; a fixture's release name is given
 * through {@code bin/NAME} (a link to {@code bin/demo}) and {@code RELEASE_NAME}, which the
 * release script reads the same way.
 */
class ElixirReleaseCrossCheckTest {

  private static final String HOME_COOKIE = "home_file_cookie";
  private static Path release;
  private static String defaultEnvSh;

  static List<ReleaseFixture> fixtures() throws Exception {
    return ReleaseFixture.all().stream().filter(f -> "ELIXIR_RELEASE".equals(f.get("kind"))).toList();
  }

  @BeforeAll
  static void build(@TempDir Path dir) throws Exception {
    Path mix = RealServers.require("mix", "elixir");
    Map<String, String> env = Map.of("MIX_HOME", dir.resolve("mix-home").toString(), "MIX_ENV", "prod");
    ShellBashCrossCheckTest.run(List.of(mix.toString(), "new", "demo"), env, dir);
    ShellBashCrossCheckTest.run(List.of(mix.toString(), "release", "--quiet"), env, dir.resolve("demo"));
    release = dir.resolve("demo/_build/prod/rel/demo");
    defaultEnvSh = Files.readString(release.resolve("releases/0.1.0/env.sh"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void releaseAgrees(ReleaseFixture f, @TempDir Path dir) throws Exception {
    String name = ShellBashCrossCheckTest.releaseName(f);
    Map<String, String> concrete = ShellBashCrossCheckTest.concreteEnv(f);

    // this reader, with the pod's values in place of status.podIP and Secrets
    ReleaseInputs given = f.inputs();
    ReleaseInputs.Builder b = ReleaseInputs.builder().envComplete(true).command(given.command()).args(given.args())
        .hosts(given.hosts()).kind(ReleaseKind.ELIXIR_RELEASE).releaseName(name).releaseVersion("0.1.0");
    concrete.forEach((k, v) -> b.env(EnvEntry.configMap(k, v, Origin.env(k))));
    given.releaseEnv().ifPresent(e -> b.releaseEnv(e.name(), e.text()));
    given.files().forEach(b::file);
    ReleaseNaming predicted = ReleaseNamingReader.read(b.build());
    assertThat(predicted.kind()).isEqualTo(ReleaseKind.ELIXIR_RELEASE);
    assertThat(predicted.unknowns()).isEmpty();

    // the real release
    String envSh = defaultEnvSh;
    if (given.releaseEnv().isPresent()) {
      envSh = ShellBashCrossCheckTest.run(List.of(RealServers.require("elixir", "elixir").toString(), "-e",
          "IO.write(EEx.eval_file(\"" + f.dir().resolve(given.releaseEnv().get().name())
              + "\", assigns: [release: %{name: :" + name + ", version: \"0.1.0\"}]))"), Map.of(), dir);
    }
    Files.writeString(release.resolve("releases/0.1.0/env.sh"), envSh, StandardCharsets.UTF_8);
    Path bin = release.resolve("bin/" + name);
    if (!Files.exists(bin)) {
      Files.createSymbolicLink(bin, release.resolve("bin/demo"));
    }
    Map<String, String> paths = new LinkedHashMap<>();
    for (String w : given.command()) {
      for (String word : w.split("[\\s;&]+")) {
        if (word.endsWith("/bin/" + name)) {
          paths.put(word, bin.toString());
        }
      }
    }
    for (Map.Entry<String, String> e : given.files().entrySet()) {
      Path copy = dir.resolve("file-" + paths.size());
      Files.writeString(copy, e.getValue(), StandardCharsets.UTF_8);
      paths.put(e.getKey(), copy.toString());
    }
    List<String> argv = new ArrayList<>();
    for (String w : given.command().isEmpty() ? List.of(bin.toString(), "start") : given.command()) {
      String mapped = w;
      for (Map.Entry<String, String> e : paths.entrySet()) {
        mapped = mapped.replace(e.getKey(), e.getValue());
      }
      argv.add(mapped);
    }
    Path stubs = Files.createDirectory(dir.resolve("stubs"));
    HostNames h = given.hosts();
    Path hostname = stubs.resolve("hostname");
    Files.writeString(hostname, "#!/bin/sh\ncase \"$1\" in\n"
        + "  -f|--fqdn|--long) echo '" + orEmpty(h.fqdn()) + "' ;;\n"
        + "  -i|--ip-address) echo '" + orEmpty(h.ip()) + "' ;;\n"
        + "  -s|--short) echo '" + orEmpty(h.shortName()).split("\\.")[0] + "' ;;\n"
        + "  '') echo '" + orEmpty(h.shortName()) + "' ;;\n  *) exit 1 ;;\nesac\n");
    Files.setPosixFilePermissions(hostname, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path home = Files.createDirectory(dir.resolve("home"));
    Path cookieFile = home.resolve(".erlang.cookie");
    Files.writeString(cookieFile, HOME_COOKIE, StandardCharsets.US_ASCII);
    Files.setPosixFilePermissions(cookieFile, PosixFilePermissions.fromString("r--------"));

    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
    Map<String, String> env = pb.environment();
    String path = env.getOrDefault("PATH", "/usr/bin:/bin");
    env.clear();
    env.put("PATH", stubs + ":" + path);
    env.put("HOME", home.toString());
    env.put("LANG", "C.UTF-8");
    env.put("RELEASE_NAME", name);
    env.putAll(concrete);
    env.put("ERL_ZFLAGS", "-start_epmd false -erl_epmd_port " + freePort()
        + " -eval 'io:format(\"RESULT|~s|~s~n\", [node(), erlang:get_cookie()]), halt().'");
    Process p = pb.start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the release did not finish within 90 s");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    Optional<String> result = out.lines().filter(l -> l.startsWith("RESULT|")).findFirst();

    String full = predicted.fullName().orElseThrow().known().orElseThrow();
    NameMode mode = predicted.distribution() == Distribution.LONG ? NameMode.LONG : NameMode.SHORT;
    String givenName = predicted.name().orElseThrow().known().orElseThrow();
    boolean vmAppendsHost = !givenName.contains("@");
    if (!vmAppendsHost && !NodeName.parse(full).problems(mode).isEmpty()) {
      assertThat(result).as("the VM refuses the name " + full + ":\n" + out).isEmpty();
      assertThat(p.exitValue()).isNotZero();
      return;
    }
    assertThat(result).as(out).isPresent();
    String[] fields = result.get().split("\\|");
    if (vmAppendsHost) {
      assertThat(fields[1]).as("node()").startsWith(givenName + "@");
    } else {
      assertThat(fields[1]).as("node()").isEqualTo(full);
    }
    String cookie = switch (predicted.cookie().kind()) {
      case ENV_VAR -> concrete.get("RELEASE_COOKIE");
      case RELEASE_FILE -> Files.readString(release.resolve("releases/COOKIE")).strip();
      case HOME_FILE -> HOME_COOKIE;
      default -> null;
    };
    if (cookie != null) {
      assertThat(fields[2]).as("the cookie the VM uses (" + predicted.cookie() + ")").isEqualTo(cookie);
    }
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
