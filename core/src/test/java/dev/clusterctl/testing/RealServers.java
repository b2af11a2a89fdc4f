package dev.clusterctl.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds the real servers the integration tests run against ({@code named}, {@code erl}).
 *
 * <p>When a program is missing the test is skipped with a reason, unless
 * {@code CLUSTERCTL_REQUIRE_REAL_SERVERS=1} is set (CI sets it): then the test fails instead,
 * so that a CI run that silently skipped every real-server test cannot pass.
 */
public final class RealServers {

  private RealServers() {}

  /** True when the environment demands that real-server tests run rather than skip. */
  public static boolean required() {
    return "1".equals(System.getenv("CLUSTERCTL_REQUIRE_REAL_SERVERS"));
  }

  /** Returns the path of {@code program} on PATH (or in the sbin folders), skipping or failing the test when absent. */
  public static Path require(String program, String debianPackage) {
    Optional<Path> found = find(program);
    if (found.isPresent()) {
      return found.get();
    }
    unavailable(program + " not found (install Debian package " + debianPackage + ")");
    throw new AssertionError("unreachable");
  }

  /** Skips (or, when real servers are required, fails) the test with {@code reason}. */
  public static void unavailable(String reason) {
    if (required()) {
      fail("CLUSTERCTL_REQUIRE_REAL_SERVERS=1 but " + reason);
    }
    Assumptions.abort(reason);
  }

  /** True when the tests run as root (network and UTS namespaces need it). */
  public static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  /** Looks {@code program} up on PATH and in /usr/sbin and /sbin. */
  public static Optional<Path> find(String program) {
    String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin:/sbin";
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
