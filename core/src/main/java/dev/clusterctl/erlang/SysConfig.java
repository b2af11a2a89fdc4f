package dev.clusterctl.erlang;

import dev.clusterctl.erlang.GenClusterDiscovery.Dns;
import dev.clusterctl.erlang.GenClusterDiscovery.EpmdAll;
import dev.clusterctl.erlang.GenClusterDiscovery.HostType;
import dev.clusterctl.erlang.GenClusterDiscovery.RecordType;
import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.Binary;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.TermParser;
import dev.clusterctl.erlang.term.TermParser.Consulted;
import dev.clusterctl.erlang.term.Terms;
import dev.clusterctl.erlang.term.Tuple;
import dev.clusterctl.error.BadInputException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A release's {@code sys.config}: one list of {@code {Application, [{Key, Value}, ...]}} tuples
 * (and names of further config files), as the VM loads it with {@code -config}; see
 * <a href="https://www.erlang.org/doc/apps/kernel/config.html">config(4)</a>.
 *
 * <p>Reads what clustering depends on: gen_cluster's {@code discovery} and
 * {@code refresh_interval_ms}, and kernel's {@code inet_dist_listen_min/max}. Application values
 * are never printed: {@link #toString()} shows only application names and the discovery setting.
 * A relx {@code sys.config.src} is rendered first with {@link RelxTemplate#render}.
 */
public final class SysConfig {

  /** The settings gen_cluster reads from its application environment. */
  private static final Set<String> GEN_CLUSTER_KEYS = Set.of("discovery", "dist", "refresh_interval_ms");

  /** The options gen_cluster's dns discovery reads. */
  private static final Set<String> DNS_KEYS =
      Set.of("domain", "record_type", "host_type", "ipv6", "lookup_timeout");

  /** gen_cluster's default {@code refresh_interval_ms}. */
  public static final long DEFAULT_REFRESH_INTERVAL_MS = 5000;

  private final String source;
  private final String text;
  private final Map<String, ListTerm> apps;
  private final List<String> includes;
  private final Optional<GenClusterDiscovery> discovery;
  private final OptionalInt discoveryLine;
  private final OptionalLong refreshIntervalMs;
  private final Optional<PortRange> distPortRange;
  private final List<String> warnings;

  private SysConfig(
      String source,
      String text,
      Map<String, ListTerm> apps,
      List<String> includes,
      Optional<GenClusterDiscovery> discovery,
      OptionalInt discoveryLine,
      OptionalLong refreshIntervalMs,
      Optional<PortRange> distPortRange,
      List<String> warnings) {
    this.source = source;
    this.text = text;
    this.apps = apps;
    this.includes = includes;
    this.discovery = discovery;
    this.discoveryLine = discoveryLine;
    this.refreshIntervalMs = refreshIntervalMs;
    this.distPortRange = distPortRange;
    this.warnings = List.copyOf(warnings);
  }

  /**
   * Parses sys.config text; {@code source} names it in errors.
   *
   * @throws BadInputException (one line with source, line and column) when the text is not Erlang
   *     terms, not exactly one list of {@code {App, [{Key, Value}]}} tuples, or gen_cluster's
   *     settings have a shape gen_cluster would crash on
   */
  public static SysConfig parse(String text, String source) {
    Consulted c = TermParser.consultLocated(text, source);
    Shapes r = new Shapes(source, c, new ArrayList<>());
    if (c.terms().isEmpty()) {
      throw new BadInputException(source + ": line 1, column 1: empty; a sys.config holds one list [{App, [{Key, Value}]}, ...] ending with '.'");
    }
    if (c.terms().size() > 1) {
      throw r.error(c.terms().get(1), "a sys.config holds exactly one term, but a second term starts here");
    }
    Term top = c.terms().get(0);
    if (!(top instanceof ListTerm list) || !list.isProper()) {
      throw r.error(top, "expected a list of {App, Env} tuples, found " + kind(top));
    }
    Map<String, ListTerm> apps = new LinkedHashMap<>();
    List<String> includes = new ArrayList<>();
    for (Term element : list.elements()) {
      if (element instanceof Tuple t && t.arity() == 2 && t.get(0) instanceof Atom app) {
        if (!(t.get(1) instanceof ListTerm env) || !env.isProper()) {
          throw r.error(t.get(1), "the settings of application '" + app.name() + "' must be a list of {Key, Value} tuples, found " + kind(t.get(1)));
        }
        for (Term kv : env.elements()) {
          if (!(kv instanceof Tuple p && p.arity() == 2 && p.get(0) instanceof Atom)) {
            throw r.error(kv, "a setting of application '" + app.name() + "' is not a {Key, Value} tuple with an atom key");
          }
        }
        if (apps.containsKey(app.name())) {
          throw r.error(element, "application '" + app.name() + "' is configured twice");
        }
        apps.put(app.name(), env);
      } else if (element instanceof ListTerm && Terms.text(element).isPresent()) {
        includes.add(Terms.text(element).get());
      } else {
        throw r.error(element, "expected an {App, Env} tuple (or a file name string), found " + kind(element));
      }
    }
    Optional<GenClusterDiscovery> discovery = Optional.empty();
    OptionalInt discoveryLine = OptionalInt.empty();
    OptionalLong refresh = OptionalLong.empty();
    ListTerm gc = apps.get("gen_cluster");
    if (gc != null && !gc.elements().isEmpty()) {
      Optional<Term> d = Terms.proplistValue(gc, "discovery");
      discovery = Optional.of(d.map(r::discovery).orElse(new GenClusterDiscovery.Static(List.of())));
      if (d.isPresent()) {
        discoveryLine = r.line(d.get());
      }
      refresh = r.refresh(Terms.proplistValue(gc, "refresh_interval_ms"));
      r.unknownKeys(gc.elements().stream().map(kv -> ((Tuple) kv).get(0)).toList(),
          GEN_CLUSTER_KEYS, "gen_cluster setting");
    }
    ListTerm kernel = apps.get("kernel");
    Optional<PortRange> range = Optional.empty();
    if (kernel != null) {
      Optional<Term> min = Terms.proplistValue(kernel, "inet_dist_listen_min");
      Optional<Term> max = Terms.proplistValue(kernel, "inet_dist_listen_max");
      if (min.isPresent()) {
        int lo = r.port(min.get(), "inet_dist_listen_min");
        int hi = max.isPresent() ? r.port(max.get(), "inet_dist_listen_max") : lo;
        if (hi < lo) {
          throw r.error(max.get(), "inet_dist_listen_max " + hi + " is below inet_dist_listen_min " + lo);
        }
        range = Optional.of(new PortRange(lo, hi));
      }
    }
    return new SysConfig(source, text, apps, List.copyOf(includes), discovery, discoveryLine, refresh, range, r.warnings());
  }

  /** The name the text was read from. */
  public String source() {
    return source;
  }

  /** The text as read (a fix changes lines of it and parses it again). */
  public String text() {
    return text;
  }

  /** The configured applications, in file order. */
  public List<String> applications() {
    return List.copyOf(apps.keySet());
  }

  /** The raw value of {@code key} in {@code app}'s settings. */
  public Optional<Term> env(String app, String key) {
    ListTerm env = apps.get(app);
    return env == null ? Optional.empty() : Terms.proplistValue(env, key);
  }

  /** Further config files named in the list (read by the VM, not by this class). */
  public List<String> includes() {
    return includes;
  }

  /**
   * gen_cluster's discovery with its defaults applied; empty when gen_cluster has no settings
   * (then gen_cluster starts no cluster process). With settings but no {@code discovery} key
   * this is gen_cluster's default, {@code {static, []}}.
   */
  public Optional<GenClusterDiscovery> genClusterDiscovery() {
    return discovery;
  }

  /** The line of gen_cluster's {@code discovery} value, for evidence. */
  public OptionalInt discoveryLine() {
    return discoveryLine;
  }

  /**
   * gen_cluster's {@code refresh_interval_ms}: the configured value, or 5000 when gen_cluster is
   * configured without it; empty when it is {@code infinity} (no refresh) or gen_cluster has no settings.
   */
  public OptionalLong refreshIntervalMs() {
    return refreshIntervalMs;
  }

  /** kernel's {@code inet_dist_listen_min/max}, when the minimum is set. */
  public Optional<PortRange> distPortRange() {
    return distPortRange;
  }

  /**
   * One line per setting gen_cluster silently ignores (an unknown key, often a typo such as
   * {@code recordtype}), naming source and line; empty when there is none.
   */
  public List<String> warnings() {
    return warnings;
  }

  /** Source, application names and discovery setting; never any other value. */
  @Override
  public String toString() {
    return "SysConfig[" + source + ", applications=" + apps.keySet()
        + discovery.map(d -> ", gen_cluster discovery=" + d).orElse("") + "]";
  }

  private static String kind(Term t) {
    if (t instanceof Tuple tu) {
      return "a tuple of " + tu.arity();
    }
    if (t instanceof ListTerm l) {
      return l.elements().isEmpty() ? "[]" : Terms.text(t).isPresent() ? "a string" : "a list";
    }
    if (t instanceof Atom) {
      return "an atom";
    }
    if (t instanceof MapTerm) {
      return "a map";
    }
    if (t instanceof IntTerm) {
      return "an integer";
    }
    return "a " + t.getClass().getSimpleName().replace("Term", "").toLowerCase(Locale.ROOT);
  }

  /** Reads settings, turning bad shapes into one-line errors at the term's position. */
  private record Shapes(String source, Consulted consulted, List<String> warnings) {

    void unknownKeys(List<Term> keys, Set<String> known, String what) {
      for (Term k : keys) {
        if (!(k instanceof Atom a) || !known.contains(a.name())) {
          String name = k instanceof Atom a ? a.name() : "a non-atom key";
          String where = consulted.position(k).map(p -> "line " + p.line() + ", column " + p.column()).orElse("line 1, column 1");
          warnings.add(source + ": " + where + ": " + what + " '" + name + "' is ignored by gen_cluster (known: "
              + String.join(", ", known.stream().sorted().toList()) + ")");
        }
      }
    }


    BadInputException error(Term at, String what) {
      String where = consulted.position(at).map(p -> "line " + p.line() + ", column " + p.column()).orElse("line 1, column 1");
      return new BadInputException(source + ": " + where + ": " + what);
    }

    OptionalInt line(Term t) {
      return consulted.position(t).map(p -> OptionalInt.of(p.line())).orElse(OptionalInt.empty());
    }

    GenClusterDiscovery discovery(Term value) {
      if (!(value instanceof Tuple t) || t.arity() != 2 || !(t.get(0) instanceof Atom module)) {
        throw error(value, "gen_cluster's discovery must be {Module, Config} such as {dns, #{domain => \"...\"}}, found " + kind(value));
      }
      Term cfg = t.get(1);
      return switch (module.name()) {
        case "dns" -> dns(cfg, null, module.name());
        case "gc_discover_dns_ip", "gc_discover_dns_a" -> dns(cfg, RecordType.IP, module.name());
        case "gc_discover_dns_srv" -> dns(cfg, RecordType.SRV, module.name());
        case "static", "gc_discover_static" -> staticNodes(cfg);
        case "epmd_all", "gc_discover_epmd_all" -> epmdAll(cfg);
        default -> new GenClusterDiscovery.Custom(module.name());
      };
    }

    /** {@code module}'s dns options; {@code forced} is the record type a full module name fixes. */
    private Dns dns(Term cfg, RecordType forced, String module) {
      if (!(cfg instanceof MapTerm map)) {
        throw error(cfg, "gen_cluster's dns discovery takes a map #{domain => \"...\"}, found " + kind(cfg));
      }
      Term domainTerm = map.get("domain").orElseThrow(() -> error(cfg, "gen_cluster's dns discovery has no domain => \"...\""));
      if (!(domainTerm instanceof ListTerm || domainTerm instanceof Atom) || Terms.text(domainTerm).isEmpty()) {
        throw error(domainTerm, "gen_cluster's dns domain must be a string \"...\" (inet_res takes a string), found " + kind(domainTerm));
      }
      String domain = Terms.text(domainTerm).get();
      unknownKeys(List.copyOf(map.entries().keySet()), DNS_KEYS, "dns option");
      RecordType recordType = forced != null ? forced
          : map.get("record_type").map(v -> choice(v, "record_type", RecordType.class)).orElse(RecordType.IP);
      HostType hostType = map.get("host_type").map(v -> choice(v, "host_type", HostType.class))
          .orElse(Dns.defaultHostType(recordType));
      boolean ipv6 = map.get("ipv6").map(v -> bool(v, "ipv6")).orElse(false) && !"gc_discover_dns_a".equals(module);
      long timeout = map.get("lookup_timeout").map(v -> millis(v, "lookup_timeout"))
          .orElse(GenClusterDiscovery.DEFAULT_LOOKUP_TIMEOUT_MS);
      return new Dns(domain, recordType, hostType, ipv6, timeout);
    }

    private <E extends Enum<E>> E choice(Term v, String key, Class<E> type) {
      String allowed = Arrays.stream(type.getEnumConstants())
          .map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or "));
      if (v instanceof Atom a) {
        for (E e : type.getEnumConstants()) {
          if (e.name().toLowerCase(Locale.ROOT).equals(a.name())) {
            return e;
          }
        }
      }
      throw error(v, "gen_cluster's " + key + " must be the atom " + allowed);
    }

    private boolean bool(Term v, String key) {
      if (Atom.TRUE.equals(v)) {
        return true;
      }
      if (Atom.FALSE.equals(v)) {
        return false;
      }
      throw error(v, "gen_cluster's " + key + " must be true or false, found " + kind(v));
    }

    private long millis(Term v, String key) {
      if (new Atom("infinity").equals(v)) {
        return Long.MAX_VALUE;
      }
      if (v instanceof IntTerm i && i.value().signum() >= 0 && i.value().bitLength() < 63) {
        return i.value().longValue();
      }
      throw error(v, "gen_cluster's " + key + " must be a number of milliseconds or infinity, found " + kind(v));
    }

    private GenClusterDiscovery staticNodes(Term cfg) {
      if (!(cfg instanceof ListTerm l) || !l.isProper()) {
        throw error(cfg, "gen_cluster's static discovery takes a list of node names, found " + kind(cfg));
      }
      List<String> nodes = new ArrayList<>();
      for (Term n : l.elements()) {
        if (!(n instanceof Atom a)) {
          throw error(n, "a static node name must be an atom such as 'app@host.example', found " + kind(n));
        }
        nodes.add(a.name());
      }
      return new GenClusterDiscovery.Static(nodes);
    }

    private GenClusterDiscovery epmdAll(Term cfg) {
      if (!(cfg instanceof MapTerm map)) {
        throw error(cfg, "gen_cluster's epmd_all discovery takes a map #{hosts => [...]}, found " + kind(cfg));
      }
      Optional<Term> hosts = map.get("hosts");
      if (hosts.isEmpty()) {
        return new EpmdAll(List.of());
      }
      if (!(hosts.get() instanceof ListTerm l) || !l.isProper() || l.elements().isEmpty()) {
        throw error(hosts.get(), "gen_cluster's epmd_all hosts must be a non-empty list of hosts");
      }
      List<String> names = new ArrayList<>();
      for (Term h : l.elements()) {
        names.add(host(h));
      }
      return new EpmdAll(names);
    }

    private String host(Term h) {
      if (h instanceof Tuple t && (t.arity() == 4 || t.arity() == 8)
          && t.elements().stream().allMatch(e -> e instanceof IntTerm)) {
        if (t.arity() == 4) {
          return t.elements().stream().map(Term::toString).collect(Collectors.joining("."));
        }
        return t.elements().stream()
            .map(e -> ((IntTerm) e).value().toString(16)).collect(Collectors.joining(":"));
      }
      return Terms.text(h).filter(s -> !(h instanceof Binary))
          .orElseThrow(() -> error(h, "an epmd_all host must be an atom, a string or an IP tuple, found " + kind(h)));
    }

    OptionalLong refresh(Optional<Term> value) {
      if (value.isEmpty()) {
        return OptionalLong.of(DEFAULT_REFRESH_INTERVAL_MS);
      }
      Term v = value.get();
      if (new Atom("infinity").equals(v)) {
        return OptionalLong.empty();
      }
      if (v instanceof IntTerm i && i.value().signum() > 0 && i.value().bitLength() < 32) {
        return OptionalLong.of(i.value().longValue());
      }
      throw error(v, "gen_cluster's refresh_interval_ms must be a positive number of milliseconds or infinity");
    }

    int port(Term v, String key) {
      if (v instanceof IntTerm i && i.value().compareTo(BigInteger.ZERO) >= 0 && i.value().compareTo(BigInteger.valueOf(65535)) <= 0) {
        return i.value().intValue();
      }
      throw error(v, "kernel's " + key + " must be a port number 0..65535");
    }
  }
}
