package dev.clusterctl.release;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A release fixture under {@code src/test/resources/release/NAME}: {@code fixture.properties}
 * describes one container (its variables, command, host names, release files) and holds the
 * {@code why}; the release files sit beside it. Variables are declared in the order the kubelet
 * would see them: {@code runtime.*} (fieldRef/secretKeyRef) first, then {@code env.*}.
 */
record ReleaseFixture(String name, Path dir, Properties props) {

  static Path root() {
    try {
      return Path.of(ReleaseFixture.class.getResource("/release").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ReleaseFixture> all() throws IOException {
    List<ReleaseFixture> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root())) {
      for (Path d : dirs.sorted().toList()) {
        out.add(load(d.getFileName().toString()));
      }
    }
    return out;
  }

  static ReleaseFixture load(String name) throws IOException {
    Path dir = root().resolve(name);
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("fixture.properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return new ReleaseFixture(name, dir, p);
  }

  String get(String key) {
    return props.getProperty(key);
  }

  String read(String file) throws IOException {
    return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
  }

  Map<String, String> prefixed(String prefix) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String k : new TreeSet<>(props.stringPropertyNames())) {
      if (k.startsWith(prefix)) {
        out.put(k.substring(prefix.length()), props.getProperty(k));
      }
    }
    return out;
  }

  List<String> words(String prefix) {
    List<String> out = new ArrayList<>();
    for (int i = 0; props.containsKey(prefix + "." + i); i++) {
      out.add(props.getProperty(prefix + "." + i));
    }
    return out;
  }

  List<String> list(String key) {
    String v = props.getProperty(key, "").strip();
    return v.isEmpty() ? List.of() : List.of(v.split("\\s*,\\s*"));
  }

  HostNames hosts() {
    return new HostNames(get("hosts.short"), get("hosts.fqdn"), get("hosts.ip"));
  }

  /** The inputs of the container, as doctor would give them. */
  ReleaseInputs inputs() throws IOException {
    ReleaseInputs.Builder b = ReleaseInputs.builder();
    int line = 1;
    for (Map.Entry<String, String> e : prefixed("runtime.").entrySet()) {
      b.env(EnvEntry.runtime(e.getKey(), e.getValue(), Origin.file("deployment.yaml", line++)));
    }
    for (Map.Entry<String, String> e : prefixed("env.").entrySet()) {
      b.env(EnvEntry.value(e.getKey(), e.getValue(), Origin.file("deployment.yaml", line++)));
    }
    b.envComplete(Boolean.parseBoolean(props.getProperty("envComplete", "false")));
    b.command(words("command")).args(words("args")).hosts(hosts());
    if (get("kind") != null) {
      b.kind(ReleaseKind.valueOf(get("kind")));
    }
    if (get("releaseName") != null) {
      b.releaseName(get("releaseName"));
    }
    if (get("releaseEnv") != null) {
      b.releaseEnv(get("releaseEnv"), read(get("releaseEnv")));
    }
    if (get("vmArgs") != null) {
      b.vmArgs(get("vmArgs"), read(get("vmArgs")));
    }
    for (Map.Entry<String, String> e : prefixed("file.").entrySet()) {
      b.file(e.getKey(), read(e.getValue()));
    }
    return b.build();
  }

  @Override
  public String toString() {
    return name;
  }
}
