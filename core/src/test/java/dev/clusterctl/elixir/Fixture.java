package dev.clusterctl.elixir;

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
import java.util.stream.Stream;

/** An Elixir project fixture under {@code src/test/resources/elixir/NAME}: its files and {@code fixture.properties}. */
record Fixture(String name, Path dir, Map<String, String> files, Properties props) {

  static Path root() {
    try {
      return Path.of(Fixture.class.getResource("/elixir").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<Fixture> all() throws IOException {
    List<Fixture> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(root())) {
      for (Path d : dirs.sorted().toList()) {
        if (Files.isRegularFile(d.resolve("fixture.properties"))) {
          out.add(load(d.getFileName().toString()));
        }
      }
    }
    return out;
  }

  static Fixture load(String name) throws IOException {
    Path dir = root().resolve(name);
    Map<String, String> files = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
        String rel = dir.relativize(p).toString().replace('\\', '/');
        if (!rel.equals("fixture.properties")) {
          files.put(rel, Files.readString(p, StandardCharsets.UTF_8));
        }
      }
    }
    Properties props = new Properties();
    try (Reader r = Files.newBufferedReader(dir.resolve("fixture.properties"), StandardCharsets.UTF_8)) {
      props.load(r);
    }
    return new Fixture(name, dir, files, props);
  }

  /** The {@code env.NAME=value} entries. */
  Map<String, String> env() {
    Map<String, String> env = new LinkedHashMap<>();
    props.stringPropertyNames().stream().sorted().filter(k -> k.startsWith("env.")).forEach(k -> env.put(k.substring(4), props.getProperty(k)));
    return env;
  }

  /** The config files, by path. */
  Map<String, String> configFiles() {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((k, v) -> {
      if (k.startsWith("config/") && k.endsWith(".exs")) {
        out.put(k, v);
      }
    });
    return out;
  }

  /** The module files, by path. */
  Map<String, String> moduleFiles() {
    Map<String, String> out = new LinkedHashMap<>();
    files.forEach((k, v) -> {
      if (k.startsWith("lib/") && k.endsWith(".ex")) {
        out.put(k, v);
      }
    });
    return out;
  }

  List<String> list(String key) {
    String v = props.getProperty(key, "").strip();
    return v.isEmpty() ? List.of() : List.of(v.split("\\s*,\\s*"));
  }

  @Override
  public String toString() {
    return name;
  }
}
