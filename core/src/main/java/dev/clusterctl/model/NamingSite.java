package dev.clusterctl.model;

/**
 * Where the team sets the node name: the file or setting a fix should change.
 *
 * @param kind what sort of place
 * @param where the file ({@code rel/env.sh.eex}, {@code config/vm.args.src}) or variable
 *     ({@code ERL_FLAGS}, {@code RELEASE_NODE}); the container's name for {@link Kind#COMMAND}
 * @param line the 1-based line of the file that sets the name; 0 when not a file or not known
 */
public record NamingSite(Kind kind, String where, int line) {

  /** A site with no line. */
  public NamingSite(Kind kind, String where) {
    this(kind, where, 0);
  }

  /** The sorts of place a release's node name is set. */
  public enum Kind {
    /** An Elixir release's {@code env.sh} or {@code rel/env.sh.eex} ({@code RELEASE_NODE}). */
    ENV_SH,
    /** A relx release's {@code vm.args.src} (or a plain {@code vm.args}) ({@code -name}). */
    VM_ARGS,
    /** A flags variable in the container's env ({@code ERL_FLAGS}). */
    FLAGS_VARIABLE,
    /** {@code RELEASE_NODE}/{@code RELEASE_DISTRIBUTION} in the container's env. */
    RELEASE_ENV,
    /** The container's {@code command}/{@code args}. */
    COMMAND
  }
}
