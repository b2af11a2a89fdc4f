package dev.clusterctl.erlang.dist;

import java.util.Locale;

/** The conclusion about one peer: can a node with our cookie join it under the expected name? */
public enum Verdict {
  /** Handshake complete, the announced name is the expected one, cookie accepted. */
  JOINABLE(true, "handshake complete, name matches, cookie accepted"),
  /** The announced name is the expected one; no cookie was given, so the handshake stopped at the challenge. */
  REACHABLE(true, "name matches; cookie not tested (no cookie given)"),
  /** The node calls itself something else: Erlang drops the connection silently (pang). */
  NAME_MISMATCH(false, "the node announces a different name: net_adm:ping gives pang, nothing is logged"),
  /** The node's cookie differs from ours. */
  COOKIE_REJECTED(false, "the node rejected our cookie"),
  /** The node answered {@code not_allowed}. */
  NOT_ALLOWED(false, "the node does not allow the connection (allow list or missing capability flags)"),
  /** The node answered {@code nok} or {@code alive}: another connection is being set up. */
  BUSY(false, "the node has another connection in progress or up from a node of our name"),
  /** EPMD on the host has no node of that name. */
  NOT_REGISTERED(false, "EPMD on the host has no node of that name"),
  /** The peer could not be reached (unknown host, refused, no route). */
  UNREACHABLE(false, "the peer could not be reached"),
  /** The peer did not answer in time. */
  TIMEOUT(false, "the peer did not answer in time"),
  /** The peer broke the protocol. */
  PROTOCOL_ERROR(false, "the peer broke the distribution protocol");

  private final boolean ok;
  private final String meaning;

  Verdict(boolean ok, String meaning) {
    this.ok = ok;
    this.meaning = meaning;
  }

  /** True when nothing found stands in the way of joining. */
  public boolean ok() {
    return ok;
  }

  /** One line saying what the verdict means. */
  public String meaning() {
    return meaning;
  }

  /** The id used in reports ({@code name-mismatch}, …). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
