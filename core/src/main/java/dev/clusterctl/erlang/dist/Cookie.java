package dev.clusterctl.erlang.dist;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * An Erlang magic cookie. Its bytes never leave this class: it can only compute the handshake
 * digest {@code MD5(Cookie ++ decimal(Challenge))} of the
 * <a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html">distribution protocol</a>,
 * and it prints as {@code Cookie[redacted]}, so that logging or rendering one by mistake leaks
 * nothing.
 */
public final class Cookie {

  private final byte[] bytes;

  private Cookie(byte[] bytes) {
    this.bytes = bytes;
  }

  /** A cookie holding {@code text} (as Latin-1/UTF-8 bytes, the way Erlang turns the atom into bytes). */
  public static Cookie of(String text) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty cookie");
    }
    return new Cookie(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The 16-byte digest that answers {@code challenge} (an unsigned 32-bit number). */
  public byte[] digest(long challenge) {
    try {
      MessageDigest md5 = MessageDigest.getInstance("MD5");
      md5.update(bytes);
      md5.update(Long.toString(challenge & 0xFFFFFFFFL).getBytes(StandardCharsets.US_ASCII));
      return md5.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }

  /** True when both cookies hold the same bytes (compared in constant time). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Cookie c && MessageDigest.isEqual(bytes, c.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest(0));
  }

  /** Always {@code Cookie[redacted]}. */
  @Override
  public String toString() {
    return "Cookie[redacted]";
  }
}
