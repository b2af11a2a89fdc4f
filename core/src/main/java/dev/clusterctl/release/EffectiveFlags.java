package dev.clusterctl.release;

import dev.clusterctl.erlang.NameMode;
import java.util.List;
import java.util.Optional;

/**
 * What the VM makes of its flags, by the rules of {@link FlagPrecedence}.
 *
 * @param node the {@code -name}/{@code -sname} the VM uses, if any
 * @param shadowedNames the other {@code -name}/{@code -sname} flags, which the VM ignores
 * @param cookie which {@code -setcookie} the VM uses, or that it reads {@code ~/.erlang.cookie}
 * @param erlEpmdPort {@code -erl_epmd_port} (fixed distribution port, no EPMD lookups)
 * @param protoDist {@code -proto_dist}
 * @param startEpmd {@code -start_epmd}
 * @param distListenMin {@code -kernel inet_dist_listen_min}
 * @param distListenMax {@code -kernel inet_dist_listen_max}
 * @param flags every flag in order (cookies redacted)
 * @param warnings one line per flag the VM resolves in a way an author may not expect
 */
public record EffectiveFlags(
    Optional<NodeName> node,
    List<ErlFlag> shadowedNames,
    Cookie cookie,
    Optional<Setting> erlEpmdPort,
    Optional<Setting> protoDist,
    Optional<Setting> startEpmd,
    Optional<Setting> distListenMin,
    Optional<Setting> distListenMax,
    List<ErlFlag> flags,
    List<String> warnings) {

  /** Copies the lists. */
  public EffectiveFlags {
    shadowedNames = List.copyOf(shadowedNames);
    flags = List.copyOf(flags);
    warnings = List.copyOf(warnings);
  }

  /**
   * The node name flag the VM uses.
   *
   * @param mode long ({@code -name}) or short ({@code -sname}) names
   * @param name its argument, a template with holes for values only the pod has
   * @param origin where the flag was given
   */
  public record NodeName(NameMode mode, TextValue name, Origin origin) {}

  /**
   * The value of a flag and where it was given.
   *
   * @param value the text (may hold holes)
   * @param origin where the flag was given
   */
  public record Setting(TextValue value, Origin origin) {}

  /** Where the VM takes its cookie from. */
  public enum CookieRule {
    /** The one {@code -setcookie}. */
    FLAG,
    /** No {@code -setcookie}: {@code ~/.erlang.cookie} (created with random text when missing). */
    HOME_FILE,
    /** Several {@code -setcookie}: the VM uses none and reads {@code ~/.erlang.cookie}. */
    HOME_FILE_AFTER_CONFLICT
  }

  /**
   * The cookie the VM uses.
   *
   * @param rule which source wins
   * @param used the flag used, for {@link CookieRule#FLAG}
   * @param given every {@code -setcookie} given, in order
   */
  public record Cookie(CookieRule rule, Optional<CookieValue> used, List<CookieValue> given) {
    /** Copies the list. */
    public Cookie {
      given = List.copyOf(given);
    }
  }
}
