package dev.clusterctl.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Comparator;

/** Writes and orders IP addresses the way Erlang's {@code inet:ntoa/1} writes them in node names. */
public final class Addresses {

  /** IPv4 before IPv6, then by the address bytes. */
  public static final Comparator<InetAddress> ORDER = Addresses::compare;

  private Addresses() {}

  /**
   * The text form: dotted quad for IPv4; for IPv6 lower-case hex groups with the longest run of
   * two or more zero groups written {@code ::} (RFC 5952 section 4).
   */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    byte[] b = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLen = 0;
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLen) {
        bestStart = i;
        bestLen = j - i;
      }
      i = j;
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLen - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(groups[i]));
    }
    return sb.toString();
  }

  private static int compare(InetAddress x, InetAddress y) {
    boolean x6 = x instanceof Inet6Address;
    boolean y6 = y instanceof Inet6Address;
    if (x6 != y6) {
      return x6 ? 1 : -1;
    }
    byte[] a = x.getAddress();
    byte[] b = y.getAddress();
    for (int i = 0; i < a.length; i++) {
      int d = (a[i] & 0xff) - (b[i] & 0xff);
      if (d != 0) {
        return d;
      }
    }
    return 0;
  }
}
