package dev.clusterctl.erlang.dist;

/**
 * Capability flags of the distribution handshake
 * (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#dflags">DFLAG_*</a>).
 */
public final class DistFlags {

  private DistFlags() {}

  /** The node is visible ({@code nodes()} lists it); the probe leaves it out to stay hidden. */
  public static final long PUBLISHED = 0x1L;
  /** The node negotiates the distribution-header atom cache. */
  public static final long DIST_HDR_ATOM_CACHE = 0x2000L;
  /** The version-6 handshake (OTP 23+). */
  public static final long HANDSHAKE_23 = 0x1000000L;

  /**
   * What OTP 25 requires of a peer ({@code 0x1070F94}: extended references, fun tags, new fun
   * tags, extended pids/ports, export pointers, bit binaries, new floats, UTF-8 atoms, maps,
   * big creation, handshake 23).
   */
  public static final long MANDATORY_OTP25 = 0x1070F94L;

  /**
   * What the probe announces: the OTP 25/26/27 mandatory sets plus unlink ids, the OTP 25
   * digest and V4 node containers ({@code 0x407070F94}); without {@link #PUBLISHED} (hidden),
   * {@link #DIST_HDR_ATOM_CACHE} and fragments, so every frame is plain external terms.
   */
  public static final long PROBE = 0x407070F94L;
}
