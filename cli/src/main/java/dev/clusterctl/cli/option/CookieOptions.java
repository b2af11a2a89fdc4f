package dev.clusterctl.cli.option;

import dev.clusterctl.erlang.dist.Cookies;
import dev.clusterctl.erlang.dist.LoadedCookie;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the Erlang cookie comes from: a file or an environment variable, never the command line
 * (where {@code ps} and shell history would show it). By default {@code ~/.erlang.cookie} when it
 * exists, as Erlang does.
 */
public final class CookieOptions {

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Source source = new Source();

  static final class Source {
    @Option(names = "--cookie-file", paramLabel = "FILE",
        description = "Read the Erlang cookie from FILE (default: ~/.erlang.cookie when it exists).")
    Path file;

    @Option(names = "--cookie-env", paramLabel = "NAME",
        description = "Read the Erlang cookie from environment variable NAME (e.g. RELEASE_COOKIE).")
    String env;
  }

  /** The cookie to use, if any; bad input when the named file or variable is unusable. */
  public Optional<LoadedCookie> load(Map<String, String> environment, Path home) {
    Source s = source == null ? new Source() : source;
    return Cookies.load(Optional.ofNullable(s.file), Optional.ofNullable(s.env), environment, home);
  }
}
