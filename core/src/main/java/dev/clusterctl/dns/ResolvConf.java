package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;

/**
 * The parts of a {@code resolv.conf} (see resolv.conf(5)) that decide where and how names are
 * looked up: {@code nameserver}, {@code search}/{@code domain} and {@code options ndots:},
 * {@code timeout:}, {@code attempts:}.
 *
 * <p>Unknown keywords and options are ignored, as glibc does; a line glibc could not use
 * (a nameserver that is not an IP address, a non-numeric option value) is an error.
 *
 * @param source where the text came from (for messages)
 * @param nameservers the servers in order, on port 53
 * @param search the search list (the last {@code search} or {@code domain} line wins)
 * @param ndots {@code options ndots:} (default 1, at most 15)
 * @param timeoutSeconds {@code options timeout:} (default 5, at most 30)
 * @param attempts {@code options attempts:} (default 2, at most 5)
 * @param retransmitOptions the {@code timeout:} and {@code attempts:} options as written, in order
 *     (glibc applies them; Erlang's {@code inet_res} does not read them)
 */
public record ResolvConf(
    String source,
    List<InetSocketAddress> nameservers,
    List<String> search,
    int ndots,
    int timeoutSeconds,
    int attempts,
    List<String> retransmitOptions) {

  /** Where the system's resolver configuration lives. */
  public static final Path SYSTEM = Path.of("/etc/resolv.conf");

  /** glibc's default for {@code ndots}. */
  public static final int DEFAULT_NDOTS = 1;

  /** glibc's default for {@code timeout} in seconds. */
  public static final int DEFAULT_TIMEOUT_SECONDS = 5;

  /** glibc's default for {@code attempts}. */
  public static final int DEFAULT_ATTEMPTS = 2;

  /** Copies the lists so that a ResolvConf cannot change. */
  public ResolvConf {
    nameservers = List.copyOf(nameservers);
    search = List.copyOf(search);
    retransmitOptions = List.copyOf(retransmitOptions);
  }

  /** A configuration without {@code timeout:} or {@code attempts:} written in it. */
  public ResolvConf(String source, List<InetSocketAddress> nameservers, List<String> search, int ndots,
      int timeoutSeconds, int attempts) {
    this(source, nameservers, search, ndots, timeoutSeconds, attempts, List.of());
  }

  /** An empty configuration (no servers, no search list, glibc's defaults), named {@code source}. */
  public static ResolvConf empty(String source) {
    return new ResolvConf(source, List.of(), List.of(), DEFAULT_NDOTS, DEFAULT_TIMEOUT_SECONDS, DEFAULT_ATTEMPTS);
  }

  /**
   * Reads and parses a resolv.conf file.
   *
   * @throws BadInputException when the file is missing, unreadable, binary (not UTF-8 text, or with NUL bytes) or malformed
   */
  public static ResolvConf read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException("resolv.conf " + file + ": no such file", e);
    } catch (CharacterCodingException e) {
      throw binary(file, e);
    } catch (IOException e) {
      throw new BadInputException("resolv.conf " + file + ": cannot read: " + e.getMessage(), e);
    }
    if (text.indexOf('\0') >= 0) {
      throw binary(file, null);
    }
    return parse(text, file.toString());
  }

  private static BadInputException binary(Path file, Throwable cause) {
    return new BadInputException("resolv.conf " + file + ": binary file, not text", cause);
  }

  /**
   * Parses resolv.conf text.
   *
   * @throws BadInputException naming {@code source} and the line when a line is malformed
   */
  public static ResolvConf parse(String text, String source) {
    List<InetSocketAddress> servers = new ArrayList<>();
    List<String> search = List.of();
    int ndots = DEFAULT_NDOTS;
    int timeout = DEFAULT_TIMEOUT_SECONDS;
    int attempts = DEFAULT_ATTEMPTS;
    List<String> retransmit = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
        continue;
      }
      String[] words = line.split("[ \t]+");
      String where = "resolv.conf " + source + ": line " + (i + 1) + ": ";
      switch (words[0]) {
        case "nameserver" -> {
          if (words.length < 2) {
            throw new BadInputException(where + "'nameserver' needs an IP address");
          }
          servers.add(nameserver(words[1], where));
        }
        case "search", "domain" -> {
          if (words.length < 2) {
            throw new BadInputException(where + "'" + words[0] + "' needs a domain");
          }
          List<String> domains = new ArrayList<>();
          for (int w = 1; w < words.length; w++) {
            if (words[w].startsWith("#") || words[w].startsWith(";")) {
              break;
            }
            domains.add(DomainNames.searchDomain(words[w], where));
          }
          search = "domain".equals(words[0]) ? domains.subList(0, 1) : domains;
        }
        case "options" -> {
          for (int w = 1; w < words.length; w++) {
            String opt = words[w];
            if (opt.startsWith("ndots:")) {
              ndots = Math.min(15, option(opt, where));
            } else if (opt.startsWith("timeout:")) {
              timeout = Math.max(1, Math.min(30, option(opt, where)));
              retransmit.add(opt);
            } else if (opt.startsWith("attempts:")) {
              attempts = Math.max(1, Math.min(5, option(opt, where)));
              retransmit.add(opt);
            }
          }
        }
        default -> {
          // sortlist, lookup, family, …: not used for these lookups; glibc ignores unknown words too
        }
      }
    }
    return new ResolvConf(source, servers, search, ndots, timeout, attempts, retransmit);
  }

  private static InetSocketAddress nameserver(String text, String where) {
    String host = text;
    int zone = host.indexOf('%');
    if (zone >= 0) {
      host = host.substring(0, zone);
    }
    try {
      if (Address.isDottedQuad(host)) {
        return new InetSocketAddress(InetAddress.getByAddress(Address.toByteArray(host, Address.IPv4)), Servers.DNS_PORT);
      }
      byte[] v6 = Address.toByteArray(host, Address.IPv6);
      if (v6 != null) {
        return new InetSocketAddress(InetAddress.getByAddress(v6), Servers.DNS_PORT);
      }
    } catch (UnknownHostException e) {
      // falls through to the error below
    }
    throw new BadInputException(where + "nameserver '" + text + "' is not an IP address");
  }

  private static int option(String opt, String where) {
    String value = opt.substring(opt.indexOf(':') + 1);
    try {
      int n = Integer.parseInt(value);
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new BadInputException(where + "option '" + opt + "' needs a whole number");
  }

  /**
   * The search list of a pod with {@code dnsPolicy: ClusterFirst} in namespace {@code namespace}:
   * {@code <ns>.svc.<domain> svc.<domain> <domain>} (the node's own search domains, which
   * Kubernetes appends, are not known here).
   */
  public static List<String> podSearch(String namespace, String clusterDomain) {
    String ns = DomainNames.searchDomain(namespace, "--pod-namespace: ");
    String d = DomainNames.searchDomain(clusterDomain, "--cluster-domain: ");
    return clusterFirstSearch(ns, d);
  }

  /**
   * The same search list as {@link #podSearch}, built from values already known to be names (a
   * model read from manifests), without checking them.
   */
  public static List<String> clusterFirstSearch(String namespace, String clusterDomain) {
    return List.of(namespace + ".svc." + clusterDomain, "svc." + clusterDomain, clusterDomain);
  }

  /** The {@code ndots} Kubernetes writes into a pod's resolv.conf ({@code options ndots:5}). */
  public static final int POD_NDOTS = 5;
}
