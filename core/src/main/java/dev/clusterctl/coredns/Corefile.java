package dev.clusterctl.coredns;

import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A CoreDNS Corefile, parsed into server blocks and the settings of its {@code kubernetes}
 * plugins; see <a href="https://coredns.io/manual/configuration/">CoreDNS configuration</a> and
 * <a href="https://coredns.io/plugins/kubernetes/">kubernetes plugin</a>.
 *
 * <p>Hand-written on purpose: no maintained Java library reads the Caddyfile syntax CoreDNS uses.
 * The lexing and grouping rules follow coredns/caddy's {@code caddyfile} package; snippets
 * {@code (name) {...}} and {@code import name} are expanded; {@code import} of files is not
 * performed but listed in {@link #fileImports()}; {@code {$VAR}} placeholders stay as written.
 *
 * <p>Malformed input gives a {@link BadInputException} with one line
 * {@code Corefile SOURCE: line L, column C: what is wrong}.
 */
public final class Corefile {

  /** kubeadm's default Corefile (kubernetes/kubernetes {@code cmd/kubeadm/app/phases/addons/dns}). */
  static final String KUBEADM_DEFAULT = """
      .:53 {
          errors
          health {
             lameduck 5s
          }
          ready
          kubernetes cluster.local in-addr.arpa ip6.arpa {
             pods insecure
             fallthrough in-addr.arpa ip6.arpa
             ttl 30
          }
          prometheus :9153
          forward . /etc/resolv.conf {
             max_concurrent 1000
          }
          cache 30
          loop
          reload
          loadbalance
      }
      """;

  /** The text of kubeadm's default Corefile. */
  public static String kubeadmDefaultText() {
    return KUBEADM_DEFAULT;
  }

  /** The source name {@link #kubeadmDefault()} reports. */
  public static final String KUBEADM_DEFAULT_SOURCE = "kubeadm default";

  /** CoreDNS cache's default maximum TTL for positive answers, in seconds. */
  public static final int DEFAULT_CACHE_SECONDS = 3600;

  /** An {@code import} of a file, which this parser does not read. */
  public record FileImport(String pattern, int line) {}

  private final String source;
  private final String text;
  private final List<ServerBlock> blocks;
  private final List<FileImport> fileImports;
  private final List<KubernetesPlugin> plugins;
  private final List<ServerBlock> pluginBlocks;

  private Corefile(String source, String text, List<ServerBlock> blocks, List<FileImport> fileImports, Errors errors) {
    this.source = source;
    this.text = text;
    this.blocks = List.copyOf(blocks);
    this.fileImports = List.copyOf(fileImports);
    List<KubernetesPlugin> found = new ArrayList<>();
    List<ServerBlock> foundBlocks = new ArrayList<>();
    for (ServerBlock b : blocks) {
      for (Directive d : b.directives()) {
        if (d.name().equals("kubernetes")) {
          found.add(KubernetesSettings.read(d, b, errors));
          foundBlocks.add(b);
        }
      }
    }
    this.plugins = List.copyOf(found);
    this.pluginBlocks = List.copyOf(foundBlocks);
  }

  /**
   * Parses Corefile text; {@code source} names it in errors (e.g. {@code coredns.yaml}).
   *
   * @throws BadInputException for unbalanced braces, an unterminated quote, binary data, a
   *     {@code kubernetes} option CoreDNS would refuse (bad {@code ttl} or {@code pods} value)
   */
  public static Corefile parse(String text, String source) {
    Errors errors = new Errors(source);
    try {
      List<CorefileToken> tokens = CorefileLexer.tokens(text, errors);
      CorefileParser parser = new CorefileParser(tokens, errors);
      List<ServerBlock> blocks = parser.parse();
      return new Corefile(source, text, blocks, parser.fileImports(), errors);
    } catch (BadCorefile e) {
      throw new BadInputException(e.getMessage());
    }
  }

  /** kubeadm's default Corefile: {@code cluster.local}, {@code pods insecure}, {@code ttl 30}, no {@code endpoint_pod_names}. */
  public static Corefile kubeadmDefault() {
    return parse(KUBEADM_DEFAULT, KUBEADM_DEFAULT_SOURCE);
  }

  /** The text as read. */
  public String text() {
    return text;
  }

  /** The name the text was read from. */
  public String source() {
    return source;
  }

  /** The server blocks in file order (snippet definitions excluded). */
  public List<ServerBlock> serverBlocks() {
    return blocks;
  }

  /** Every {@code kubernetes} plugin, in file order. */
  public List<KubernetesPlugin> kubernetesPlugins() {
    return plugins;
  }

  /** Files named by {@code import} (not read: their contents are unknown to this parser). */
  public List<FileImport> fileImports() {
    return fileImports;
  }

  /** One line per file import saying it was not read, e.g. for a report's notes. */
  public List<String> fileImportNotes() {
    return fileImports.stream()
        .map(i -> "Corefile " + source + ": line " + i.line() + ": import " + i.pattern()
            + " not read (importing files is not supported; only snippets are expanded)")
        .toList();
  }

  /**
   * The {@code kubernetes} plugin that answers names under {@code clusterDomain} on port 53: the
   * server block with the longest zone containing it, then the plugin in that block whose zones
   * contain it.
   */
  public Optional<KubernetesPlugin> kubernetesFor(String clusterDomain) {
    String name = normalizeZone(clusterDomain);
    ServerBlock best = null;
    int bestLength = -1;
    for (ServerBlock b : blocks) {
      List<String> zones = b.zones();
      List<Integer> ports = b.ports();
      for (int i = 0; i < zones.size(); i++) {
        if (ports.get(i) == ServerBlock.DEFAULT_PORT && inZone(name, zones.get(i))
            && zoneLength(zones.get(i)) > bestLength) {
          best = b;
          bestLength = zoneLength(zones.get(i));
        }
      }
    }
    KubernetesPlugin chosen = null;
    String chosenZone = null;
    for (int i = 0; i < plugins.size(); i++) {
      if (pluginBlocks.get(i) != best) {
        continue;
      }
      String z = plugins.get(i).matchingZone(name);
      if (z != null && (chosenZone == null || zoneLength(z) > zoneLength(chosenZone))) {
        chosen = plugins.get(i);
        chosenZone = z;
      }
    }
    return Optional.ofNullable(chosen);
  }

  /** The first forward zone (not {@code in-addr.arpa}/{@code ip6.arpa}, not the root) of the first {@code kubernetes} plugin. */
  public Optional<String> clusterDomain() {
    if (plugins.isEmpty()) {
      return Optional.empty();
    }
    return plugins.get(0).zones().stream()
        .filter(z -> !z.equals(".") && !inZone(z, "in-addr.arpa") && !inZone(z, "ip6.arpa"))
        .findFirst();
  }

  @Override
  public String toString() {
    return "Corefile[" + source + ", " + blocks.size() + " server block(s), " + plugins.size() + " kubernetes plugin(s)]";
  }

  /** Lower case, no final dot, {@code .} for the root. */
  static String normalizeZone(String zone) {
    String z = zone.toLowerCase(Locale.ROOT);
    while (z.endsWith(".") && z.length() > 1) {
      z = z.substring(0, z.length() - 1);
    }
    return z.isEmpty() ? "." : z;
  }

  /** True when {@code name} equals {@code zone} or lies under it (both normalized). */
  static boolean inZone(String name, String zone) {
    return zone.equals(".") || name.equals(zone) || name.endsWith("." + zone);
  }

  /** The number of labels of a normalized zone (0 for the root). */
  static int zoneLength(String zone) {
    return zone.equals(".") ? 0 : zone.split("\\.").length;
  }

  /** Builds the one-line errors of one Corefile. */
  static final class Errors {
    private final String source;

    Errors(String source) {
      this.source = source;
    }

    BadCorefile at(int line, int column, String what) {
      return new BadCorefile("Corefile " + source + ": line " + line + ", column " + column + ": " + what);
    }
  }

  /** Internal carrier of a one-line message, turned into a BadInputException at the API edge. */
  static final class BadCorefile extends RuntimeException {
    BadCorefile(String message) {
      super(message, null, false, false);
    }
  }
}
