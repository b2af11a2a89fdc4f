package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import org.xbill.DNS.Address;

/** Parses and formats DNS server addresses written {@code host}, {@code host:port} or {@code [v6]:port}. */
public final class Servers {

  /** The DNS port (RFC 1035 4.2). */
  public static final int DNS_PORT = 53;

  /**
   * A host name (<a href="https://www.rfc-editor.org/rfc/rfc1123#section-2.1">RFC 1123 2.1</a>):
   * dot-separated labels of letters, digits and inner hyphens, 1 to 63 characters each, and an
   * optional final dot.
   */
  private static final java.util.regex.Pattern HOST_NAME =
      java.util.regex.Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");

  private Servers() {}

  /**
   * Parses {@code host[:port]}; IPv6 literals are written bare ({@code ::1}) or in brackets
   * ({@code [::1]:5353}). A host name is resolved by the system resolver.
   *
   * @throws BadInputException when the text is not a server address
   * @throws UnreachableException when a host name cannot be resolved
   */
  public static InetSocketAddress parse(String text) {
    String t = text.strip();
    String host = t;
    int port = DNS_PORT;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new BadInputException("nameserver '" + text + "': missing ']'");
      }
      host = t.substring(1, close);
      String rest = t.substring(close + 1);
      if (!rest.isEmpty()) {
        if (!rest.startsWith(":")) {
          throw new BadInputException("nameserver '" + text + "': expected ':port' after ']'");
        }
        port = port(rest.substring(1), text);
      }
    } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      host = t.substring(0, t.indexOf(':'));
      port = port(t.substring(t.indexOf(':') + 1), text);
    }
    if (host.isEmpty()) {
      throw new BadInputException("nameserver '" + text + "': no host");
    }
    return new InetSocketAddress(address(host, text), port);
  }

  private static InetAddress address(String host, String text) {
    try {
      if (Address.isDottedQuad(host)) {
        return InetAddress.getByAddress(Address.toByteArray(host, Address.IPv4));
      }
      byte[] v6 = Address.toByteArray(host, Address.IPv6);
      if (v6 != null) {
        return InetAddress.getByAddress(v6);
      }
      // at most 253 characters, 254 with the final dot (RFC 1035 2.3.4's 255 octets on the wire)
      if (!HOST_NAME.matcher(host).matches() || host.length() > (host.endsWith(".") ? 254 : 253)) {
        throw new BadInputException("nameserver '" + text + "': '" + host + "' is not a host name or IP address");
      }
      if (host.matches("[0-9.]+")) {
        // all-numeric labels: a mistyped IPv4 address, never looked up as a name (a top-level
        // domain is never all digits, RFC 3696 2)
        throw new BadInputException("nameserver '" + text + "': '" + host + "' is not an IPv4 address");
      }
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new UnreachableException("nameserver '" + text + "': cannot resolve host '" + host + "'", e);
    }
  }

  private static int port(String digits, String text) {
    try {
      int port = Integer.parseInt(digits);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException("nameserver '" + text + "': port '" + digits + "' is not a number from 1 to 65535");
  }

  /** Formats a server as {@code 10.0.0.1:53} or {@code [::1]:53}. */
  public static String format(InetSocketAddress server) {
    InetAddress a = server.getAddress();
    String host = a == null ? server.getHostString() : a.getHostAddress();
    if (a instanceof Inet6Address) {
      int zone = host.indexOf('%');
      return "[" + (zone >= 0 ? host.substring(0, zone) : host) + "]:" + server.getPort();
    }
    return host + ":" + server.getPort();
  }
}
