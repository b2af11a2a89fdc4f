package dev.clusterctl.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.testing.RealServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks {@link ShellScript} and {@link EexTemplate} against the real programs: each
 * release fixture's env.sh is rendered by Elixir's own {@code EEx.eval_file} (when it is a
 * {@code .eex}), the rendering must equal this reader's, and then real {@code bash} sources it
 * with the fixture's environment and a {@code hostname} function that prints the fixture's host
 * names; every variable listed in {@code bash.vars} must come out as this reader evaluates it.
 */
class ShellBashCrossCheckTest {

  static List<ReleaseFixture> fixtures() throws Exception {
    return ReleaseFixture.all().stream().filter(f -> !f.list("bash.vars").isEmpty()).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void bashAgrees(ReleaseFixture f, @TempDir Path dir) throws Exception {
    Path bash = RealServers.require("bash", "bash");
    String file = f.get("bash.script") != null ? f.get("bash.script") : f.get("releaseEnv");
    String text = f.read(file);
    String name = releaseName(f);
    if (file.endsWith(".eex")) {
      Path elixir = RealServers.require("elixir", "elixir");
      String real = run(List.of(elixir.toString(), "-e", "IO.write(EEx.eval_file(\"" + f.dir().resolve(file)
          + "\", assigns: [release: %{name: :" + name + ", version: \"0.1.0\"}]))"), Map.of(), dir);
      String mine = EexTemplate.render(text, file, name, "0.1.0").text();
      assertThat(mine).as("EEx rendering of " + file).isEqualTo(real);
      text = real;
    }
    Path script = dir.resolve("env.sh");
    Files.writeString(script, text, StandardCharsets.UTF_8);

    Map<String, String> env = concreteEnv(f);
    env.put("RELEASE_NAME", name);
    env.put("RELEASE_VSN", "0.1.0");
    env.put("RELEASE_COMMAND", f.words("command").size() > 1 ? f.words("command").get(f.words("command").size() - 1) : "start");
    HostNames h = f.hosts();
    ShellRun mine = ShellScript.run(text, file, ShellVars.of(Environment.complete(env)), ShellContext.of(h));

    StringBuilder probe = new StringBuilder("hostname() { case \"$1\" in "
        + "-f|--fqdn|--long) printf '%s\\n' \"$__fqdn\";; -i|--ip-address) printf '%s\\n' \"$__ip\";; "
        + "-s|--short) printf '%s\\n' \"${__short%%.*}\";; '') printf '%s\\n' \"$__short\";; *) return 1;; esac; }; "
        + ". \"$1\"; ");
    for (String v : f.list("bash.vars")) {
      probe.append("if [ -n \"${").append(v).append("+x}\" ]; then printf '%s=%s\\n' ").append(v).append(" \"$").append(v)
          .append("\"; else printf '%s unset\\n' ").append(v).append("; fi; ");
    }
    Map<String, String> shellEnv = new LinkedHashMap<>(env);
    shellEnv.put("__fqdn", h.fqdn() == null ? "" : h.fqdn());
    shellEnv.put("__ip", h.ip() == null ? "" : h.ip());
    shellEnv.put("__short", h.shortName() == null ? "" : h.shortName());
    String out = run(List.of(bash.toString(), "-c", probe.toString(), "bash", script.toString()), shellEnv, dir);

    List<String> expected = new ArrayList<>();
    for (String v : f.list("bash.vars")) {
      ShellVars.Binding b = mine.vars().get(v);
      if (b == null) {
        expected.add(v + " unset");
      } else {
        assertThat(b.value().known()).as(v + " is known to this reader").isPresent();
        expected.add(v + "=" + b.value().known().get());
      }
    }
    assertThat(out.lines().toList()).isEqualTo(expected);
  }

  static String releaseName(ReleaseFixture f) {
    if (f.get("releaseName") != null) {
      return f.get("releaseName");
    }
    String found = "app";
    for (String w : f.words("command")) {
      for (String word : w.split("\\s+")) {
        String base = word.substring(word.lastIndexOf('/') + 1);
        if (word.contains("/bin/") && !List.of("sh", "bash", "dash", "env", "erl", "elixir", "iex", "mix", "tini").contains(base)) {
          found = base;
        }
      }
    }
    return found;
  }

  /** The container's environment with values for what only the pod knows ({@code bash.env.*}). */
  static Map<String, String> concreteEnv(ReleaseFixture f) {
    List<EnvEntry> entries = new ArrayList<>();
    Map<String, String> given = f.prefixed("bash.env.");
    for (String name : f.prefixed("runtime.").keySet()) {
      if (given.containsKey(name)) {
        entries.add(EnvEntry.value(name, given.get(name), Origin.env(name)));
      }
    }
    f.prefixed("env.").forEach((k, v) -> entries.add(EnvEntry.value(k, v, Origin.env(k))));
    Map<String, String> out = new LinkedHashMap<>();
    KubeExpansion.containerEnv(entries).forEach((k, v) -> out.put(k, v.known().orElseThrow()));
    given.forEach(out::putIfAbsent);
    return out;
  }

  static String run(List<String> argv, Map<String, String> env, Path dir) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile());
    Map<String, String> penv = pb.environment();
    String path = penv.getOrDefault("PATH", "/usr/bin:/bin");
    penv.clear();
    penv.put("PATH", path);
    penv.put("HOME", dir.toString());
    penv.put("LANG", "C.UTF-8");
    penv.putAll(env);
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError(argv.get(0) + " did not finish within 60 s");
    }
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isZero();
    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
