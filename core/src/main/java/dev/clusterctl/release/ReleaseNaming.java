package dev.clusterctl.release;

import java.util.List;
import java.util.Optional;

/**
 * How a container's release names its node and where its cookie comes from, as the start
 * scripts would make it, with every part's origin and everything the inputs leave open.
 *
 * @param kind what starts the VM
 * @param program the program the container ends up running
 * @param how one line on how that program was found
 * @param distribution long, short or no names, or unknown
 * @param name the argument of the {@code -name}/{@code -sname} the VM uses: a template such as
 *     {@code app@${POD_IP}} or {@code app}; its parts carry their origins
 * @param fullName the name the node ends up with: {@code name}, with the host the VM appends
 *     when {@code name} has none ({@code hostname -f} for long names, the short host name for short)
 * @param nameOrigin where the winning {@code -name}/{@code -sname} comes from
 * @param cookie where the cookie comes from (never the cookie)
 * @param flags the VM's flags and how they resolve ({@link FlagPrecedence})
 * @param unknowns what the inputs do not settle, each with the input that would
 * @param assumptions what was taken for granted to get this far, each with the input that would check it
 * @param problems what stops the node from starting as configured (the script exits)
 * @param warnings what the VM or Kubernetes resolves in a way the author may not expect
 * @param notes script lines that were not evaluated
 */
public record ReleaseNaming(
    ReleaseKind kind,
    String program,
    String how,
    Distribution distribution,
    Optional<TextValue> name,
    Optional<TextValue> fullName,
    Optional<Origin> nameOrigin,
    CookieSource cookie,
    EffectiveFlags flags,
    List<Gap> unknowns,
    List<Gap> assumptions,
    List<String> problems,
    List<String> warnings,
    List<ShellNote> notes) {

  /** Copies the lists. */
  public ReleaseNaming {
    unknowns = List.copyOf(unknowns);
    assumptions = List.copyOf(assumptions);
    problems = List.copyOf(problems);
    warnings = List.copyOf(warnings);
    notes = List.copyOf(notes);
  }

  /** True when the node name is fully known: no hole of unknown value, no unknowns. */
  public boolean settled() {
    return unknowns.isEmpty() && distribution != Distribution.UNKNOWN
        && fullName.map(n -> !n.hasUnknown()).orElse(distribution == Distribution.NONE);
  }

  /** A one-line summary: kind, distribution, name template and cookie source; never a secret. */
  @Override
  public String toString() {
    return kind + " " + distribution + " " + fullName.map(TextValue::template).orElse("(no name)")
        + (nameOrigin.map(o -> " from " + o).orElse("")) + "; cookie: " + cookie;
  }
}
