package dev.clusterctl.cli.render.join;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.erlang.dist.EpmdEntry;
import dev.clusterctl.erlang.dist.ProbeError;
import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.watch.Discovered;
import dev.clusterctl.watch.JoinReport;
import dev.clusterctl.watch.Mesh;
import dev.clusterctl.watch.PeerReport;
import dev.clusterctl.watch.WatchEvent;
import dev.clusterctl.watch.WatchSummary;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shapes of {@code join}: the report of {@code -o json} and the events of
 * {@code -o jsonl}, as documented in docs/join.md. Schema changes bump {@link #SCHEMA_VERSION}.
 */
public final class JoinJson {

  /** The schema version written in every report and event as {@code schemaVersion}, as resolve and doctor do. */
  static final int SCHEMA_VERSION = 1;

  private final ObjectMapper mapper = new ObjectMapper();

  /** The report of one refresh ({@code -o json}). */
  public ObjectNode report(JoinReport r, Optional<String> cookieSource) {
    ObjectNode o = mapper.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("source", r.source());
    o.set("lookup", lookup(r.discovered()));
    o.put("cookie", cookieSource.orElse(null));
    ArrayNode peers = o.putArray("peers");
    r.peers().forEach(p -> peers.add(peer(p)));
    o.set("mesh", r.mesh().map(this::mesh).orElse(null));
    o.put("allJoinable", r.allJoinable());
    o.put("elapsedMs", r.elapsed().toMillis());
    return o;
  }

  private ObjectNode lookup(Discovered d) {
    ObjectNode o = mapper.createObjectNode();
    if (d instanceof Discovered.Found f) {
      o.put("ok", true);
      o.put("status", f.peers().isEmpty() ? "NODATA" : "NOERROR");
      o.putNull("message");
      strings(o.putArray("notes"), f.notes());
    } else if (d instanceof Discovered.Failed f) {
      o.put("ok", false);
      o.put("status", f.status());
      o.put("message", f.message());
      o.putArray("notes");
    }
    return o;
  }

  /** One peer with its verdict and the evidence. */
  ObjectNode peer(PeerReport p) {
    ProbeResult r = p.probe();
    ObjectNode o = mapper.createObjectNode();
    o.put("node", p.nodeName());
    o.put("host", p.peer().host());
    o.put("address", r.address().or(() -> p.peer().address()).orElse(null));
    o.put("from", p.peer().from());
    o.put("verdict", r.verdict().id());
    o.put("joinable", r.verdict().ok());
    o.put("meaning", r.verdict().meaning());
    o.put("portSource", r.portSource().id());
    if (r.port().isPresent()) {
      o.put("port", r.port().getAsInt());
    } else {
      o.putNull("port");
    }
    o.set("epmd", r.epmd().map(this::epmd).orElse(null));
    o.put("status", r.status().map(s -> s.wire()).orElse(null));
    o.put("announcedName", r.announcedName().orElse(null));
    if (r.nameMatches().isPresent()) {
      o.put("nameMatches", r.nameMatches().get());
    } else {
      o.putNull("nameMatches");
    }
    o.put("cookie", r.cookie().id());
    if (r.nodes().isPresent()) {
      strings(o.putArray("nodes"), r.nodes().get());
    } else {
      o.putNull("nodes");
    }
    o.set("nodesError", r.nodesError().map(this::error).orElse(null));
    o.set("error", r.error().map(this::error).orElse(null));
    o.put("elapsedMs", r.elapsed().toMillis());
    return o;
  }

  private ObjectNode epmd(EpmdEntry e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("name", e.name());
    o.put("port", e.port());
    o.put("hidden", e.hidden());
    o.put("highestVersion", e.highestVersion());
    o.put("lowestVersion", e.lowestVersion());
    return o;
  }

  private ObjectNode error(ProbeError e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("kind", e.kind().id());
    o.put("message", e.message());
    return o;
  }

  /** The connectivity matrix. */
  ObjectNode mesh(Mesh m) {
    ObjectNode o = mapper.createObjectNode();
    strings(o.putArray("listed"), m.listed());
    ObjectNode sees = o.putObject("sees");
    for (String n : m.listed()) {
      List<String> s = m.sees().get(n);
      if (s == null) {
        sees.putNull(n);
      } else {
        strings(sees.putArray(n), s);
      }
    }
    ArrayNode parts = o.putArray("partitions");
    m.partitions().forEach(p -> strings(parts.addArray(), p));
    ObjectNode unlisted = o.putObject("unlisted");
    for (Map.Entry<String, List<String>> e : m.unlisted().entrySet()) {
      strings(unlisted.putArray(e.getKey()), e.getValue());
    }
    o.put("fullyConnected", m.fullyConnected());
    return o;
  }

  /** One event of {@code join --watch -o jsonl}. */
  ObjectNode event(WatchEvent e) {
    ObjectNode o = mapper.createObjectNode();
    o.put("schemaVersion", SCHEMA_VERSION);
    o.put("event", e.type());
    o.put("time", e.at().toString());
    if (e instanceof WatchEvent.Started s) {
      o.put("source", s.source());
      o.put("intervalMs", s.interval().toMillis());
      o.put("jitterMs", s.jitter().toMillis());
    } else if (e instanceof WatchEvent.Joined j) {
      o.put("refresh", j.refresh());
      o.put("node", j.peer().nodeName());
      o.set("peer", peer(j.peer()));
    } else if (e instanceof WatchEvent.Left l) {
      o.put("refresh", l.refresh());
      o.put("node", l.last().nodeName());
      o.set("peer", peer(l.last()));
    } else if (e instanceof WatchEvent.StateChanged c) {
      o.put("refresh", c.refresh());
      o.put("node", c.after().nodeName());
      o.put("from", c.before().verdict().id());
      o.put("to", c.after().verdict().id());
      o.set("peer", peer(c.after()));
    } else if (e instanceof WatchEvent.LookupFailed f) {
      o.put("refresh", f.refresh());
      o.put("status", f.status());
      o.put("message", f.message());
      o.put("consecutive", f.consecutive());
      o.put("retryInMs", f.retryIn().toMillis());
      strings(o.putArray("stalePeers"), f.stalePeers().stream().map(PeerReport::nodeName).toList());
    } else if (e instanceof WatchEvent.LookupRecovered r) {
      o.put("refresh", r.refresh());
      o.put("failures", r.failures());
    } else if (e instanceof WatchEvent.Refreshed r) {
      o.put("refresh", r.refresh());
      o.put("peers", r.peers().size());
      o.put("joinable", r.joinable());
      strings(o.putArray("notes"), r.notes());
      o.set("mesh", r.mesh().map(this::mesh).orElse(null));
      o.put("elapsedMs", r.elapsed().toMillis());
      o.put("nextInMs", r.next().toMillis());
    } else if (e instanceof WatchEvent.Stopped s) {
      o.set("summary", summary(s.summary()));
    }
    return o;
  }

  private ObjectNode summary(WatchSummary s) {
    ObjectNode o = mapper.createObjectNode();
    o.put("refreshes", s.refreshes());
    o.put("peersSeen", s.peersSeen());
    o.put("joins", s.joins());
    o.put("leaves", s.leaves());
    o.put("flaps", s.flaps());
    o.put("stateChanges", s.stateChanges());
    o.put("lookupFailures", s.lookupFailures());
    o.put("lastPeers", s.lastPeers());
    o.put("lastJoinable", s.lastJoinable());
    o.put("durationMs", s.duration().toMillis());
    return o;
  }

  /** {@code node} as one line of JSON. */
  String line(ObjectNode node) {
    try {
      return mapper.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** {@code node} as indented JSON. */
  public String pretty(ObjectNode node) {
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
