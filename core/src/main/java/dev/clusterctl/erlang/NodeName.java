package dev.clusterctl.erlang;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xbill.DNS.Address;

/**
 * An Erlang node name {@code alive@host}, and the rules Erlang applies to it.
 *
 * <p>A node name is an atom: two names are the same node only when they are equal character
 * for character (case-sensitive, no trailing dot). The rules here are those of OTP's
 * {@code net_kernel} (the alive part) and of the distribution drivers' {@code splitnode}
 * (the host part, checked against long or short names); see
 * <a href="https://www.erlang.org/doc/system/distributed.html">Distributed Erlang</a>.
 *
 * @param alive the part before {@code @} (the "basename")
 * @param host the part after {@code @}, or {@code null} when the name has none (as with
 *     {@code -name app}, where the VM appends the machine's FQDN)
 */
public record NodeName(String alive, String host) {

  /** The characters {@code net_kernel} accepts in the alive part. */
  private static final Pattern ALIVE = Pattern.compile("[0-9A-Za-z_\\-]+");

  /** Characters a DNS host name or an IP literal may hold. */
  private static final Pattern HOST_CHARS = Pattern.compile("[0-9A-Za-z.\\-:_]+");

  /** The most characters an atom, and so a node name, may hold. */
  public static final int MAX_ATOM_CHARACTERS = 255;

  /** One rule a node name breaks, with a stable code and a one-line explanation. */
  public record Problem(String code, String message) {}

  /** Parses {@code alive@host} or a bare {@code alive}; everything after the first {@code @} is the host. */
  public static NodeName parse(String text) {
    int at = text.indexOf('@');
    if (at < 0) {
      return new NodeName(text, null);
    }
    return new NodeName(text.substring(0, at), text.substring(at + 1));
  }

  /** The node name {@code alive@host}; a name with no host prints as the alive part alone. */
  @Override
  public String toString() {
    return host == null ? alive : alive + "@" + host;
  }

  /** True when {@code host} is an IPv4 or IPv6 literal, as {@code inet:parse_address/1} would accept. */
  public static boolean isAddress(String host) {
    return Address.isDottedQuad(host) || (host.contains(":") && Address.toByteArray(host, Address.IPv6) != null);
  }

  /** The rules this name breaks when the node runs in {@code mode}; empty when Erlang accepts it. */
  public List<Problem> problems(NameMode mode) {
    List<Problem> problems = new ArrayList<>();
    if (alive.isEmpty()) {
      problems.add(new Problem("alive-empty", "the name has nothing before '@'"));
    } else if (!ALIVE.matcher(alive).matches()) {
      problems.add(
          new Problem(
              "alive-illegal",
              "'" + alive + "' before '@' may hold only letters, digits, '_' and '-'"));
    }
    if (host == null) {
      problems.add(new Problem("host-missing", "the name has no '@host' part"));
      return problems;
    }
    if (host.isEmpty()) {
      problems.add(new Problem("host-empty", "the name has nothing after '@'"));
      return problems;
    }
    if (host.indexOf('@') >= 0 || !HOST_CHARS.matcher(host).matches()) {
      problems.add(
          new Problem("host-illegal", "host '" + host + "' holds characters no host name may have"));
    }
    if (host.endsWith(".")) {
      problems.add(
          new Problem(
              "host-trailing-dot",
              "host '" + host + "' ends with a dot; node names are atoms and "
                  + host.substring(0, host.length() - 1) + " is a different name"));
    }
    String whole = alive + "@" + host;
    if (whole.codePointCount(0, whole.length()) > MAX_ATOM_CHARACTERS) {
      problems.add(
          new Problem(
              "atom-too-long",
              "the name has " + whole.codePointCount(0, whole.length()) + " characters; a node name is an atom,"
                  + " at most " + MAX_ATOM_CHARACTERS + " characters: making it one fails with system_limit"));
    }
    boolean dotted = host.indexOf('.') >= 0;
    boolean address = isAddress(host);
    if (mode == NameMode.LONG) {
      if (host.toLowerCase(Locale.ROOT).equals("localhost")) {
        problems.add(
            new Problem("host-localhost", "long names (-name) refuse 'localhost': Hostname localhost is illegal"));
      } else if (!dotted && !address) {
        problems.add(
            new Problem(
                "long-name-not-qualified",
                "long names (-name) need a fully qualified host or an IP address: Hostname "
                    + host + " is illegal"));
      }
    } else if (dotted) {
      problems.add(
          new Problem(
              "short-name-qualified",
              "short names (-sname) refuse a host with dots"
                  + (address ? " such as an IP address" : "") + ": Hostname " + host + " is illegal"));
    }
    return problems;
  }
}
