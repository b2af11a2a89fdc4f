package dev.clusterctl.erlang;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Compares Erlang cookies without showing them: the SHA-256 of the cookie text, in hex.
 *
 * <p>Two nodes accept each other only with equal cookies; equal hashes mean equal cookies. A hash
 * itself is never printed: {@link #label} turns it into a short label keyed by this process.
 */
public final class CookieHash {

  /**
   * The key of {@link #label}: random, made once per process and never changed or shown. A plain
   * hash prefix would let anyone holding a report test guessed cookies offline (cookies are often
   * short words); a label keyed by a secret that dies with the process tells only "same" or
   * "different", and only between labels of one run.
   */
  private static final byte[] LABEL_KEY = randomKey();

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

  /**
   * A printable label for a cookie's {@link #of hash}: {@code cookie#} and 12 hex digits of an
   * HMAC-SHA256 (<a href="https://www.rfc-editor.org/rfc/rfc2104">RFC 2104</a>) under a per-process
   * random key. Equal cookies get equal labels within one run; labels of different runs do not
   * compare.
   */
  public static String label(String hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(LABEL_KEY, "HmacSHA256"));
      byte[] tag = mac.doFinal(hash.getBytes(StandardCharsets.US_ASCII));
      return "cookie#" + HexFormat.of().formatHex(tag, 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java runtime has HmacSHA256", e);
    }
  }

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
