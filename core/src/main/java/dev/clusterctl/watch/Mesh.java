package dev.clusterctl.watch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The connectivity matrix of a cluster: who each node says it is connected to
 * ({@code erlang:nodes()} over {@code rex}), the partitions that follow, and the nodes some
 * node is connected to although DNS does not list them.
 *
 * @param listed the nodes DNS lists, in order
 * @param sees for each listed node that answered, the nodes it is connected to; absent when it could not be asked
 * @param partitions groups of listed nodes connected among themselves (directly or through others);
 *     one group means the cluster is whole
 * @param unlisted for each listed node, the nodes it is connected to that DNS does not list
 */
public record Mesh(
    List<String> listed, Map<String, List<String>> sees, List<List<String>> partitions, Map<String, List<String>> unlisted) {

  /** Copies the collections. */
  public Mesh {
    listed = List.copyOf(listed);
    sees = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sees));
    partitions = partitions.stream().map(List::copyOf).toList();
    unlisted = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unlisted));
  }

  /** The matrix from each peer's {@code nodes()} (peers whose list is missing could not be asked). */
  public static Mesh of(List<PeerReport> reports) {
    List<String> listed = reports.stream().map(PeerReport::nodeName).toList();
    Set<String> listedSet = new LinkedHashSet<>(listed);
    Map<String, List<String>> sees = new LinkedHashMap<>();
    Map<String, List<String>> unlisted = new LinkedHashMap<>();
    for (PeerReport r : reports) {
      Optional<List<String>> nodes = r.probe().nodes();
      if (nodes.isEmpty()) {
        continue;
      }
      List<String> sorted = nodes.get().stream().sorted().toList();
      sees.put(r.nodeName(), sorted);
      List<String> extra = sorted.stream().filter(n -> !listedSet.contains(n)).toList();
      if (!extra.isEmpty()) {
        unlisted.put(r.nodeName(), extra);
      }
    }
    return new Mesh(listed, sees, partitions(listed, sees), unlisted);
  }

  /** Whether {@code a} says it is connected to {@code b}; empty when {@code a} could not be asked. */
  public Optional<Boolean> connected(String a, String b) {
    List<String> s = sees.get(a);
    return s == null ? Optional.empty() : Optional.of(s.contains(b));
  }

  /** True when every listed node was asked and each is connected to every other. */
  public boolean fullyConnected() {
    for (String a : listed) {
      for (String b : listed) {
        if (!a.equals(b) && connected(a, b).orElse(false) == Boolean.FALSE) {
          return false;
        }
      }
    }
    return true;
  }

  private static List<List<String>> partitions(List<String> listed, Map<String, List<String>> sees) {
    Map<String, String> parent = new LinkedHashMap<>();
    listed.forEach(n -> parent.put(n, n));
    for (Map.Entry<String, List<String>> e : sees.entrySet()) {
      for (String b : e.getValue()) {
        if (parent.containsKey(b)) {
          union(parent, e.getKey(), b);
        }
      }
    }
    Map<String, TreeSet<String>> groups = new LinkedHashMap<>();
    for (String n : listed) {
      groups.computeIfAbsent(find(parent, n), k -> new TreeSet<>()).add(n);
    }
    List<List<String>> out = new ArrayList<>();
    groups.values().forEach(g -> out.add(new ArrayList<>(g)));
    out.sort(Comparator.comparing((List<String> g) -> -g.size()).thenComparing(g -> g.get(0)));
    return out;
  }

  private static String find(Map<String, String> parent, String n) {
    String p = parent.get(n);
    while (!p.equals(parent.get(p))) {
      p = parent.get(p);
    }
    return p;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String ra = find(parent, a);
    String rb = find(parent, b);
    if (!ra.equals(rb)) {
      parent.put(rb, ra);
    }
  }
}
