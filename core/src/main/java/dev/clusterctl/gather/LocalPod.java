package dev.clusterctl.gather;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pod {@code doctor --local} runs in, read from a root directory ({@code /} in a pod, a temp
 * directory in tests): its host name, /etc/hosts, /etc/resolv.conf, environment and the release's
 * vm.args and sys.config.
 *
 * @param root the file-system root
 * @param hostname the host name ({@code proc/sys/kernel/hostname}, else {@code etc/hostname})
 * @param env the environment
 * @param releaseDir {@code --release-dir}, else {@code RELEASE_ROOT}, else the first of /app, /opt/app, /srv/app that is a release
 * @param sysConfig {@code --sys-config}, overriding the release's
 * @param vmArgs {@code --vm-args}, overriding the release's
 */
public record LocalPod(Path root, String hostname, Map<String, String> env, Optional<String> releaseDir, Optional<String> sysConfig, Optional<String> vmArgs) {

  /** Where releases usually live in images (mix release and relx Dockerfiles). */
  static final List<String> RELEASE_DIRS = List.of("app", "opt/app", "srv/app", "home/app");

  /** Copies the environment. */
  public LocalPod {
    env = Map.copyOf(env);
  }

  /** This machine's (or this pod's) root, host name and environment. */
  public static LocalPod system(Optional<String> releaseDir, Optional<String> sysConfig, Optional<String> vmArgs) {
    Path root = Path.of("/");
    return new LocalPod(root, readHostname(root), System.getenv(), releaseDir, sysConfig, vmArgs);
  }

  /** The host name as the kernel holds it under {@code root}. */
  public static String readHostname(Path root) {
    for (String f : List.of("proc/sys/kernel/hostname", "etc/hostname")) {
      Path p = root.resolve(f);
      try {
        if (Files.isRegularFile(p)) {
          String h = Files.readString(p, StandardCharsets.UTF_8).strip();
          if (!h.isEmpty()) {
            return h;
          }
        }
      } catch (IOException e) {
        // try the next one
      }
    }
    throw new BadInputException("--local: the host name cannot be read under " + root + " (proc/sys/kernel/hostname, etc/hostname)");
  }

  /** {@code etc/hosts} under the root. */
  public Path hostsFile() {
    return root.resolve("etc/hosts");
  }

  /** {@code etc/resolv.conf} under the root. */
  public Path resolvConf() {
    return root.resolve("etc/resolv.conf");
  }

  /**
   * The FQDN as the Erlang VM finds it for {@code -name} without a host (inet_config): the canonical
   * (first) name of the /etc/hosts line that lists the host name, else the host name with
   * resolv.conf's {@code domain}, else the host name alone; with how it was found.
   */
  public Fqdn fqdn() {
    String address = null;
    for (String line : lines(hostsFile())) {
      String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
      String[] f = l.trim().split("\\s+");
      for (int i = 1; i < f.length; i++) {
        if (f[i].equalsIgnoreCase(hostname)) {
          if (f[1].contains(".")) {
            return new Fqdn(f[1], "canonical name of " + hostname + " in /etc/hosts (" + f[0] + ")", f[0]);
          }
          address = address == null ? f[0] : address;
        }
      }
    }
    for (String line : lines(resolvConf())) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2 && f[0].equals("domain")) {
        return new Fqdn(hostname + "." + f[1], "host name with resolv.conf's domain", address);
      }
    }
    return new Fqdn(hostname, "host name alone: no FQDN in /etc/hosts and no domain in resolv.conf", address);
  }

  /**
   * The pod's FQDN and how it was found.
   *
   * @param name the FQDN
   * @param how where it comes from, for the report
   * @param address the address /etc/hosts gives the host name, or {@code null}
   */
  public record Fqdn(String name, String how, String address) {}

  /** The release's root: {@code --release-dir}, {@code RELEASE_ROOT}, or a usual place that has {@code releases/}. */
  public Optional<Path> release() {
    if (releaseDir.isPresent()) {
      Path p = Path.of(releaseDir.get());
      if (!Files.isDirectory(p)) {
        throw new BadInputException("--release-dir " + p + ": no such directory");
      }
      return Optional.of(p);
    }
    String env = this.env.get("RELEASE_ROOT");
    if (env != null && Files.isDirectory(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    return RELEASE_DIRS.stream().map(root::resolve).filter(p -> Files.isDirectory(p.resolve("releases"))).findFirst();
  }

  /** The release's file named one of {@code names} under {@code releases/<version>/} (start_erl.data's version, else the only one). */
  public Optional<Path> releaseFile(String... names) {
    Optional<Path> rel = release();
    if (rel.isEmpty()) {
      return Optional.empty();
    }
    Path releases = rel.get().resolve("releases");
    List<Path> dirs = new ArrayList<>();
    Path startData = releases.resolve("start_erl.data");
    if (Files.isRegularFile(startData)) {
      String[] f = lines(startData).stream().findFirst().orElse("").trim().split("\\s+");
      if (f.length == 2) {
        dirs.add(releases.resolve(f[1]));
      }
    }
    String vsn = env.get("RELEASE_VSN");
    if (vsn != null) {
      dirs.add(releases.resolve(vsn));
    }
    try (Stream<Path> s = Files.isDirectory(releases) ? Files.list(releases) : Stream.empty()) {
      s.filter(Files::isDirectory).sorted().forEach(dirs::add);
    } catch (IOException e) {
      throw new BadInputException("--local: " + releases + " cannot be read: " + e.getMessage());
    }
    for (Path d : dirs) {
      for (String n : names) {
        if (Files.isRegularFile(d.resolve(n))) {
          return Optional.of(d.resolve(n));
        }
      }
    }
    return Optional.empty();
  }

  /** The environment variables {@code doctor --local} shows: POD_IP, NODE_HOST, ERL_DIST_PORT, RELEASE_* (never a cookie). */
  public Map<String, String> shownEnv() {
    Map<String, String> out = new java.util.TreeMap<>();
    env.forEach((k, v) -> {
      boolean wanted = k.equals("POD_IP") || k.equals("NODE_HOST") || k.equals("ERL_DIST_PORT") || k.startsWith("RELEASE_");
      if (wanted && !k.toUpperCase(Locale.ROOT).contains("COOKIE")) {
        out.put(k, v);
      }
    });
    return out;
  }

  private static List<String> lines(Path p) {
    try {
      return Files.isRegularFile(p) ? Files.readAllLines(p, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }
}
