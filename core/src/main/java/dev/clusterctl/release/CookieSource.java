package dev.clusterctl.release;

import java.util.List;
import java.util.Optional;

/**
 * Where the node's cookie comes from; never the cookie itself.
 *
 * @param kind which sort of source
 * @param origin where it is set, when known
 * @param variables the environment variables the cookie text is made of (names only)
 * @param sha256 the SHA-256 of the cookie text when it is known here (compare, never print)
 * @param description one line naming the source, safe to show
 */
public record CookieSource(Kind kind, Optional<Origin> origin, List<String> variables, Optional<String> sha256, String description) {

  /** Copies the list. */
  public CookieSource {
    variables = List.copyOf(variables);
  }

  /** The sorts of cookie source. */
  public enum Kind {
    /** An environment variable ({@code RELEASE_COOKIE} of an Elixir release, or one {@code -setcookie ${VAR}} reads). */
    ENV_VAR,
    /** The {@code releases/COOKIE} file {@code mix release} writes into the release. */
    RELEASE_FILE,
    /** {@code -setcookie} written in {@code vm.args}. */
    VM_ARGS,
    /** {@code -setcookie} on the container's command line. */
    COMMAND_LINE,
    /** {@code -setcookie} in a flags variable ({@code ERL_FLAGS}, {@code ERL_AFLAGS}…). */
    FLAGS_VARIABLE,
    /** {@code ~/.erlang.cookie}, written by the container's entrypoint. */
    HOME_FILE_WRITTEN,
    /** {@code ~/.erlang.cookie} as the image has it (a random one is created when it is missing). */
    HOME_FILE,
    /** The inputs do not say. */
    UNKNOWN
  }

  /** The description. */
  @Override
  public String toString() {
    return description;
  }
}
