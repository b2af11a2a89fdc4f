package dev.clusterctl.cli.render.resolve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.discovery.DerivedNode;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.discovery.Gap;
import dev.clusterctl.discovery.ReverseName;
import dev.clusterctl.discovery.TargetAddresses;
import dev.clusterctl.dns.Addresses;
import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.Exchange;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.erlang.NodeName;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.xbill.DNS.SRVRecord;

/**
 * {@code -o json}: the document described in docs/resolve.md. Answers are sets, written sorted;
 * names are written without the trailing dot, as Erlang returns them, except the absolute names
 * of attempts, which keep it.
 */
public final class ResolveJson implements ResolveRenderer {

  /** Raised whenever the document's shape changes incompatibly. */
  static final int SCHEMA_VERSION = 1;

  @Override
  public void render(DiscoveryResult r, DnsConfig config, PrintWriter out, boolean color) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", SCHEMA_VERSION);
    LookupResult lookup = r.lookup();

    ObjectNode query = root.putObject("query");
    query.put("name", lookup.query());
    query.put("type", lookup.typeName());
    ArrayNode types = query.putArray("types");
    r.spec().types().forEach(t -> types.add(t.name()));
    ArrayNode servers = query.putArray("servers");
    config.servers().forEach(s -> servers.add(Servers.format(s)));
    query.put("tcp", config.tcp());
    query.put("timeoutMs", config.timeout().toMillis());
    query.put("tries", config.tries());
    query.put("search", config.searchMode().id());
    ArrayNode domains = query.putArray("searchDomains");
    config.search().forEach(domains::add);
    query.put("ndots", config.ndots());

    ObjectNode discovery = root.putObject("discovery");
    discovery.put("strategy", r.spec().strategy().id());
    discovery.put("hostType", r.spec().hostType().id());
    if (r.spec().basename().isPresent()) {
      discovery.put("basename", r.spec().basename().get());
    } else {
      discovery.putNull("basename");
    }
    discovery.put("library", r.library().module());
    discovery.put("nameForm", r.library().nameForm().id());
    discovery.put("cached", r.library().cached());
    ArrayNode calls = discovery.putArray("calls");
    String asked = r.library().askedName(lookup.query());
    r.spec().types().forEach(t -> calls.add(r.library().call(asked, t)));

    root.put("status", lookup.status().name());
    root.put("found", r.found());
    root.put("noServerResponded", r.noServerResponded());
    root.put("retriedOverTcp", r.lookups().stream().anyMatch(LookupResult::retriedOverTcp));

    ArrayNode attempts = root.putArray("attempts");
    for (Attempt a : r.lookups().stream().flatMap(l -> l.attempts().stream()).toList()) {
      ObjectNode an = attempts.addObject();
      an.put("name", a.name());
      an.put("type", a.typeName());
      an.put("status", a.status().name());
      an.put("retriedOverTcp", a.retriedOverTcp());
      ArrayNode exchanges = an.putArray("exchanges");
      for (Exchange e : a.exchanges()) {
        ObjectNode en = exchanges.addObject();
        en.put("server", e.serverText());
        en.put("transport", e.transport().id());
        en.put("status", e.status().name());
        if (e.rcode() >= 0) {
          en.put("rcode", e.rcode());
        } else {
          en.putNull("rcode");
        }
        en.put("truncated", e.truncated());
        en.put("elapsedMs", e.elapsed().toNanos() / 1_000_000.0);
        if (!e.detail().isEmpty()) {
          en.put("detail", e.detail());
        }
      }
    }

    ObjectNode answers = root.putObject("answers");
    r.lookups().stream().flatMap(l -> l.found().stream()).findFirst().ifPresentOrElse(f -> answers.put("name", Answers.hostName(org.xbill.DNS.Name.fromConstantString(f.name()))),
        () -> answers.putNull("name"));
    ArrayNode records = answers.putArray("records");
    java.util.List<org.xbill.DNS.Record> all = r.lookups().stream().flatMap(l -> l.records().stream()).toList();
    if (r.spec().type() == QueryType.SRV) {
      for (SRVRecord s : Answers.srv(all)) {
        ObjectNode sn = records.addObject();
        sn.put("priority", s.getPriority());
        sn.put("weight", s.getWeight());
        sn.put("port", s.getPort());
        sn.put("target", Answers.hostName(s.getTarget()));
      }
    } else {
      Answers.addresses(all).forEach(a -> records.add(Addresses.format(a)));
    }

    ArrayNode targets = root.putArray("targets");
    for (TargetAddresses t : r.targets().stream().sorted(java.util.Comparator.comparing(TargetAddresses::target)).toList()) {
      ObjectNode tn = targets.addObject();
      tn.put("target", t.target());
      tn.put("source", t.source().name().toLowerCase(java.util.Locale.ROOT));
      ArrayNode addrs = tn.putArray("addresses");
      t.addresses().forEach(addrs::add);
      t.lastFollowUp().ifPresent(l -> tn.put("followUpStatus", l.status().name()));
    }

    ArrayNode reverse = root.putArray("reverse");
    for (ReverseName rn : r.reverse()) {
      ObjectNode n = reverse.addObject();
      n.put("address", rn.address());
      ArrayNode names = n.putArray("names");
      rn.names().forEach(names::add);
      n.put("status", rn.lookup().status().name());
    }

    ArrayNode nodes = root.putArray("nodes");
    for (DerivedNode node : r.nodes()) {
      ObjectNode nn = nodes.addObject();
      if (node.name().isPresent()) {
        nn.put("name", node.name().get().toString());
      } else {
        nn.putNull("name");
      }
      nn.put("host", node.host());
      nn.put("from", node.from());
      nn.put("valid", node.problems().isEmpty());
      ArrayNode problems = nn.putArray("problems");
      for (NodeName.Problem p : node.problems()) {
        problems.addObject().put("code", p.code()).put("message", p.message());
      }
    }

    ArrayNode gaps = root.putArray("gaps");
    for (Gap g : r.gaps()) {
      gaps.addObject().put("from", g.from()).put("reason", g.reason());
    }
    ArrayNode findings = root.putArray("findings");
    for (dev.clusterctl.discovery.Finding f : r.findings()) {
      findings.addObject().put("severity", f.severity().id()).put("code", f.code()).put("message", f.message())
          .put("avoid", f.avoid());
    }
    ArrayNode notes = root.putArray("notes");
    r.notes().forEach(notes::add);

    try {
      out.println(mapper.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
