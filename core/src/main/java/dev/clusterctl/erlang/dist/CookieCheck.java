package dev.clusterctl.erlang.dist;

import java.util.Locale;

/** What the handshake found out about the cookie. */
public enum CookieCheck {
  /** The node accepted the probe's digest and answered with a matching one. */
  ACCEPTED,
  /** The node closed the connection after the probe's digest: its cookie differs. */
  REJECTED,
  /** No cookie was given, or the handshake stopped before the cookie step. */
  NOT_TESTED;

  /** The id used in reports ({@code accepted}, {@code rejected}, {@code not-tested}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
