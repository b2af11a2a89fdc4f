package dev.clusterctl.cli.shell;

import java.nio.file.Path;
import java.util.Map;

/** clusterctl's per-user configuration directory: {@code $XDG_CONFIG_HOME/clusterctl}, else {@code ~/.config/clusterctl}. */
public final class ConfigDir {

  private ConfigDir() {}

  /**
   * The directory for {@code env}, following the XDG Base Directory specification.
   *
   * @see <a href="https://specifications.freedesktop.org/basedir-spec/latest/">XDG Base Directory Specification</a>
   */
  public static Path of(Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "clusterctl");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".config", "clusterctl");
  }
}
