package dev.clusterctl.coredns;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One server block of a Corefile: keys such as {@code .:53} or {@code dns://cluster.local} and
 * the plugins configured for them.
 *
 * @param keys the keys as written (trailing commas removed)
 * @param directives the plugin lines, snippets imported
 * @param line 1-based line of the first key
 */
public record ServerBlock(List<String> keys, List<Directive> directives, int line) {

  /** CoreDNS's default DNS port. */
  public static final int DEFAULT_PORT = 53;

  /** Copies the lists. */
  public ServerBlock {
    keys = List.copyOf(keys);
    directives = List.copyOf(directives);
  }

  /** The first plugin line named {@code name}. */
  public Optional<Directive> directive(String name) {
    return directives.stream().filter(d -> d.name().equals(name)).findFirst();
  }

  /** The zones of the keys, lower case without the final dot ({@code .} for the root). */
  public List<String> zones() {
    return keys.stream().map(ServerBlock::zoneOf).toList();
  }

  /** The port of each key ({@value #DEFAULT_PORT} when none is written). */
  public List<Integer> ports() {
    return keys.stream().map(ServerBlock::portOf).toList();
  }

  private static String stripScheme(String key) {
    int scheme = key.indexOf("://");
    return scheme >= 0 ? key.substring(scheme + 3) : key;
  }

  static String zoneOf(String key) {
    String k = stripScheme(key);
    int colon = k.lastIndexOf(':');
    if (colon >= 0 && k.indexOf(':') == colon) {
      k = k.substring(0, colon);
    }
    return Corefile.normalizeZone(k);
  }

  static int portOf(String key) {
    String k = stripScheme(key);
    int colon = k.lastIndexOf(':');
    if (colon >= 0 && k.indexOf(':') == colon) {
      String p = k.substring(colon + 1).toLowerCase(Locale.ROOT);
      if (p.matches("\\d{1,5}")) {
        return Integer.parseInt(p);
      }
    }
    return DEFAULT_PORT;
  }
}
