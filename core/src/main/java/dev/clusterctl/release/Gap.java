package dev.clusterctl.release;

import java.util.List;

/**
 * Something the inputs do not settle: what it is, why, and the inputs that would settle it.
 *
 * @param what the setting ({@code the node name}, {@code RELEASE_DISTRIBUTION})
 * @param why one line: why it is not known, or what was assumed
 * @param settle the command-line inputs that would settle it ({@link #RELEASE_ENV}, {@link #VM_ARGS}, {@link #RELEASE_DIR})
 * @param origin where the question arises
 */
public record Gap(String what, String why, List<String> settle, Origin origin) {

  /** The input that gives an {@code env.sh} or {@code env.sh.eex}. */
  public static final String RELEASE_ENV = "--release-env FILE";
  /** The input that gives a {@code vm.args} file. */
  public static final String VM_ARGS = "--vm-args FILE";
  /** The input that gives a release or project folder. */
  public static final String RELEASE_DIR = "--release-dir DIR";

  /** Copies the list. */
  public Gap {
    settle = List.copyOf(settle);
  }

  /** {@code what: why (give A or B)}. */
  @Override
  public String toString() {
    return what + ": " + why + (settle.isEmpty() ? "" : " (give " + String.join(" or ", settle) + ")");
  }
}
