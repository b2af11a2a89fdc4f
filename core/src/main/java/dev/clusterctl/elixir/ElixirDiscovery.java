package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds libcluster topologies and dns_cluster children in an Elixir project: the child specs of
 * its application modules, resolved against its config; or, when no module is given, the
 * topologies configured for libcluster (libcluster 3 starts them only from a
 * {@code Cluster.Supervisor} child, which is then noted as not seen).
 */
public final class ElixirDiscovery {

  private static final String SUPERVISOR = "Elixir.Cluster.Supervisor";
  private static final String DNS_CLUSTER = "Elixir.DNSCluster";

  private ElixirDiscovery() {}

  /** Reads the discovery settings from {@code config} and the module files {@code modules} (may be empty: not given). */
  public static DiscoverySettings read(AppConfig config, List<ModuleFile> modules) {
    List<LibclusterTopology> topologies = new ArrayList<>();
    List<DnsClusterSpec> dns = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    modules.forEach(m -> notes.addAll(m.notes()));
    Resolver resolver = config.resolver();
    boolean supervisor = false;
    for (ModuleFile m : modules) {
      for (ChildSpec c : m.children()) {
        if (c.module().equals(SUPERVISOR)) {
          supervisor = true;
          Value arg = resolver.resolve(c.arg()).value();
          Optional<Value> topo = arg instanceof Value.ListOf l && !l.items().isEmpty() ? Optional.of(l.items().get(0)) : Optional.empty();
          if (topo.isEmpty()) {
            notes.add(new Note(m.file(), c.origin().line(), "Cluster.Supervisor is given "
                + (arg instanceof Value.Unknown u ? "an argument not known here (" + u.reason() + ")" : "no [topologies, opts] list")));
            continue;
          }
          topologies.addAll(topologies(topo.get(), c.origin(), Optional.of(c.origin()), resolver, notes, m.file()));
        } else if (c.module().equals(DNS_CLUSTER)) {
          dns.add(DnsClusterSpec.read(resolver.resolve(c.arg()).value(), c.origin()));
        }
      }
    }
    if (!supervisor) {
      Optional<Resolver.Resolution> configured = config.get("libcluster", "topologies");
      if (configured.isPresent()) {
        Origin where = config.written("libcluster", "topologies").map(Value::origin).orElse(Origin.defaulted("config"));
        notes.add(new Note(where.where(), where.line(), modules.isEmpty()
            ? "libcluster topologies are configured; the application modules were not read, so whether a "
                + "Cluster.Supervisor child starts them is not known (give --release-dir DIR)"
            : "libcluster topologies are configured but no Cluster.Supervisor child was found in the modules read: "
                + "libcluster 3 does not start them by itself"));
        topologies.addAll(topologies(configured.get().value(), where, Optional.empty(), resolver, notes, where.where()));
      }
    }
    return new DiscoverySettings(topologies, dns, notes);
  }

  private static List<LibclusterTopology> topologies(Value resolved, Origin origin, Optional<Origin> startedAt, Resolver resolver,
      List<Note> notes, String file) {
    List<LibclusterTopology> out = new ArrayList<>();
    if (resolved instanceof Value.Unknown u) {
      notes.add(new Note(file, origin.line(), "the libcluster topologies are not known: " + u.text() + ": " + u.reason()
          + " (" + u.origin() + ")"));
      return out;
    }
    if (resolved instanceof Value.Raise r) {
      notes.add(new Note(file, origin.line(), "reading the libcluster topologies raises: " + r.message()));
      return out;
    }
    if (resolved instanceof Value.Atom a && a.name().equals("nil")) {
      notes.add(new Note(file, origin.line(), "the libcluster topologies are nil: Cluster.Supervisor starts no topology"));
      return out;
    }
    if (!Keywords.isKeyword(resolved)) {
      notes.add(new Note(file, origin.line(), "the libcluster topologies are not a keyword list of {name, spec}"));
      return out;
    }
    for (Value e : ((Value.ListOf) resolved).items()) {
      out.add(LibclusterTopology.read(Keywords.key(e), Keywords.value(e), e.origin(), startedAt, resolver));
    }
    return out;
  }
}
