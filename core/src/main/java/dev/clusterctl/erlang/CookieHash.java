package dev.clusterctl.erlang;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Compares Erlang cookies without showing them: the SHA-256 of the cookie text, in hex.
 *
 * <p>Two nodes accept each other only with equal cookies; equal hashes mean equal cookies.
 * Print at most a short prefix of a hash, never the cookie.
 */
public final class CookieHash {

  private CookieHash() {}

  /** The lower-case hex SHA-256 of the cookie's UTF-8 bytes. */
  public static String of(String cookie) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(cookie.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
