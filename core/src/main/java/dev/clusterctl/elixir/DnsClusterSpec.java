package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code {DNSCluster, opts}} child (phoenixframework/dns_cluster 0.2): its {@code query}
 * (a string, {@code {basename, query}}, a list of those, or {@code :ignore}), {@code interval}
 * and {@code resource_types}, resolved, with the defaults of {@code DNSCluster.init/1}.
 *
 * @param origin where the child is written
 * @param query the {@code query} setting as resolved
 * @param queries the queries it looks up, when known ({@code basename} empty: the node's own)
 * @param ignored true when the query is {@code :ignore}: DNSCluster does not start
 * @param interval {@code interval} in milliseconds (default 5000)
 * @param resourceTypes {@code resource_types} (default {@code [:a, :aaaa]})
 * @param problems what makes it raise or find nothing, one line each
 */
public record DnsClusterSpec(
    Origin origin,
    Setting query,
    List<Query> queries,
    boolean ignored,
    Setting interval,
    Setting resourceTypes,
    List<String> problems) {

  /** Copies the lists. */
  public DnsClusterSpec {
    queries = List.copyOf(queries);
    problems = List.copyOf(problems);
  }

  private static final String OWNER = "dns_cluster DNSCluster";

  /**
   * One name DNSCluster looks up.
   *
   * @param basename the basename of the node names it derives; empty: the node's own basename
   * @param name the DNS name
   * @param origin where it came from
   */
  public record Query(Optional<String> basename, String name, Origin origin) {}

  /** Reads the spec from its resolved options. */
  static DnsClusterSpec read(Value opts, Origin origin) {
    List<String> problems = new ArrayList<>();
    if (!Keywords.isKeyword(opts)) {
      Resolver.Resolution r = LibclusterTopology.resolution(opts);
      Setting q = r.known() ? Setting.missing("query", "the options are not a keyword list", origin) : Setting.of("query", r);
      if (r.known()) {
        problems.add("the options of DNSCluster are not a keyword list");
      }
      return new DnsClusterSpec(origin, q, List.of(), false, unknown("interval", q), unknown("resource_types", q), problems);
    }
    Setting interval = Keywords.get(opts, "interval").map(v -> Setting.of("interval", LibclusterTopology.resolution(v)))
        .orElse(Setting.defaulted("interval", Setting.integer(5000, Origin.defaulted(OWNER)), OWNER));
    Setting types = Keywords.get(opts, "resource_types").map(v -> Setting.of("resource_types", LibclusterTopology.resolution(v)))
        .orElse(Setting.defaulted("resource_types", new Value.ListOf(List.of(new Value.Atom("a", Origin.defaulted(OWNER)),
            new Value.Atom("aaaa", Origin.defaulted(OWNER))), Origin.defaulted(OWNER)), OWNER));
    if (types.known()) {
      boolean ok = types.value() instanceof Value.ListOf l && !l.items().isEmpty() && l.items().stream()
          .allMatch(i -> i instanceof Value.Atom a && List.of("a", "aaaa", "srv").contains(a.name()));
      if (!ok) {
        problems.add("resource_types must be a non-empty subset of [:a, :aaaa, :srv]: DNSCluster raises at start");
      }
    }
    Optional<Value> q = Keywords.get(opts, "query");
    if (q.isEmpty()) {
      problems.add("query is not set: DNSCluster raises at start (\"missing required :query option\")");
      return new DnsClusterSpec(origin, Setting.missing("query", "DNSCluster requires it", origin), List.of(), false, interval, types, problems);
    }
    Setting query = Setting.of("query", LibclusterTopology.resolution(q.get()));
    if (!query.known()) {
      return new DnsClusterSpec(origin, query, List.of(), false, interval, types, problems);
    }
    Value v = query.value();
    if (v instanceof Value.Atom a && a.name().equals("ignore")) {
      return new DnsClusterSpec(origin, query, List.of(), true, interval, types, problems);
    }
    List<Query> queries = new ArrayList<>();
    List<Value> items = v instanceof Value.ListOf l ? l.items() : v instanceof Value.Atom a && a.name().equals("nil") ? List.of() : List.of(v);
    for (Value item : items) {
      if (item instanceof Value.Text t) {
        queries.add(new Query(Optional.empty(), t.text(), t.origin()));
      } else if (item instanceof Value.TupleOf t && t.items().size() == 2 && t.items().get(0) instanceof Value.Text b
          && t.items().get(1) instanceof Value.Text n) {
        queries.add(new Query(Optional.of(b.text()), n.text(), n.origin()));
      } else {
        problems.add("query must be a string, {basename, query} or a list of those: DNSCluster raises at start");
        break;
      }
    }
    if (v instanceof Value.Atom a && a.name().equals("nil")) {
      problems.add("query is nil: DNSCluster starts but looks nothing up");
    }
    for (Query each : queries) {
      if (each.name().isEmpty()) {
        problems.add("a query is the empty string: DNSCluster looks up nothing useful");
      }
    }
    return new DnsClusterSpec(origin, query, queries, false, interval, types, problems);
  }

  private static Setting unknown(String key, Setting because) {
    return new Setting(key, Setting.State.UNKNOWN, null, because.origin(), "the options are not known");
  }
}
