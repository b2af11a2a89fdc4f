package dev.clusterctl.cli.render.resolve;

import dev.clusterctl.cli.render.resolve.TextTable.Cell;
import dev.clusterctl.discovery.DerivedNode;
import dev.clusterctl.discovery.DiscoveryResult;
import dev.clusterctl.discovery.Finding;
import dev.clusterctl.discovery.Gap;
import dev.clusterctl.discovery.TargetAddresses;
import dev.clusterctl.dns.Answers;
import dev.clusterctl.dns.Attempt;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.Exchange;
import dev.clusterctl.dns.LookupResult;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.dns.Status;
import dev.clusterctl.dns.Transport;
import dev.clusterctl.erlang.NodeName;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/** The human-readable {@code resolve} output: what was asked, attempt by attempt, what came back, and the node names. */
public final class ResolveTable implements ResolveRenderer {

  @Override
  public void render(DiscoveryResult r, DnsConfig config, PrintWriter out, boolean color) {
    Paint paint = new Paint(color);
    LookupResult lookup = r.lookup();
    new TextTable("")
        .row("Lookup", lookup.query() + "  " + lookup.typeName())
        .row("Servers", config.servers().stream().map(Servers::format).collect(Collectors.joining(" "))
            + (config.tcp() ? "  (tcp)" : "  (udp, tcp when truncated)"))
        .row("Search", searchLine(config))
        .row("Strategy", r.spec().strategy().id() + ", host type " + r.spec().hostType().id()
            + r.spec().basename().map(b -> ", basename " + b).orElse(", no basename (--basename)"))
        .row("Library", r.library().module() + ": " + calls(r))
        .print(out, paint);

    out.println();
    out.println(paint.apply("bold", "Attempts"));
    TextTable attempts = new TextTable("  ").row("#", "NAME", "STATUS", "SERVER", "VIA");
    int n = 1;
    for (Attempt a : r.lookups().stream().flatMap(l -> l.attempts().stream()).toList()) {
      attempts.row(new Cell(String.valueOf(n++), null), new Cell(a.name(), null),
          new Cell(a.status().label(), statusStyle(a.status())), new Cell(server(a), null), new Cell(via(a), null));
    }
    attempts.print(out, paint);

    r.lookups().forEach(l -> l.found().ifPresent(found -> {
      out.println();
      List<Record> records = found.records();
      out.println(paint.apply("bold", "Answers") + "  " + found.name() + "  " + found.typeName() + "  ("
          + (r.spec().type() == QueryType.SRV ? Answers.srv(records).size() : Answers.addresses(records).size()) + ")");
      if (r.spec().type() == QueryType.SRV) {
        Map<String, TargetAddresses> targets = r.targets().stream()
            .collect(Collectors.toMap(TargetAddresses::target, Function.identity(), (x, y) -> x));
        TextTable t = new TextTable("  ").row("PRIORITY", "WEIGHT", "PORT", "TARGET", "ADDRESSES");
        for (SRVRecord s : Answers.srv(records)) {
          String target = Answers.hostName(s.getTarget());
          TargetAddresses ta = targets.get(target);
          t.row(String.valueOf(s.getPriority()), String.valueOf(s.getWeight()), String.valueOf(s.getPort()), target,
              ta == null || ta.addresses().isEmpty() ? "-" : String.join(" ", ta.addresses())
                  + (ta.source() == TargetAddresses.Source.ADDITIONAL ? "" : "  (follow-up query)"));
        }
        t.print(out, paint);
      } else {
        Answers.addresses(records).forEach(a -> out.println("  " + dev.clusterctl.dns.Addresses.format(a)));
      }
    }));

    if (!r.nodes().isEmpty()) {
      out.println();
      out.println(paint.apply("bold", "Nodes") + "  (" + r.nodes().size() + ", checked as -name long names)");
      TextTable t = new TextTable("  ");
      for (DerivedNode node : r.nodes()) {
        if (node.problems().isEmpty()) {
          t.row(new Cell(node.display(), null), new Cell("ok", "green"), new Cell(node.from(), "faint"));
        } else {
          for (int i = 0; i < node.problems().size(); i++) {
            NodeName.Problem p = node.problems().get(i);
            t.row(new Cell(i == 0 ? node.display() : "", null), new Cell(p.code().equals("host-no-address") ? "no address" : "refused", "red"), new Cell(p.message(), null));
          }
        }
      }
      t.print(out, paint);
    }
    if (!r.gaps().isEmpty()) {
      out.println();
      out.println(paint.apply("bold", "No node from"));
      TextTable t = new TextTable("  ");
      for (Gap g : r.gaps()) {
        t.row(new Cell(g.from(), null), new Cell(g.reason(), "yellow"));
      }
      t.print(out, paint);
    }
    if (!r.findings().isEmpty()) {
      out.println();
      out.println(paint.apply("bold", "What the library does"));
      for (Finding f : r.findings()) {
        boolean crash = f.severity() == Finding.Severity.CRASH;
        out.println("  " + paint.apply(crash ? "red" : "yellow", crash ? "crash:" : "warning:") + " " + f.message());
        out.println("  " + paint.apply("bold", "avoid:") + " " + f.avoid());
      }
    }
    if (!r.notes().isEmpty()) {
      out.println();
      r.notes().forEach(note -> out.println(paint.apply("yellow", "note:") + " " + note));
    }
    out.println();
    out.println(paint.apply("bold", "Result") + "  " + verdict(r, paint));
  }

  private static String searchLine(DnsConfig config) {
    SearchMode mode = config.searchMode();
    String domains = config.search().isEmpty() ? "(no search domains)" : String.join(" ", config.search());
    return switch (mode) {
      case ERLANG -> "erlang (inet_res: dotted names as-is first, ndots ignored): " + domains;
      case LIBC -> "libc (ndots " + config.ndots() + "): " + domains;
      case NONE -> "none (the name as given)";
    };
  }

  private static String server(Attempt a) {
    List<Exchange> ex = a.exchanges();
    return ex.isEmpty() ? "-" : ex.get(ex.size() - 1).serverText();
  }

  /** The transports used, e.g. {@code udp}, {@code udp×2}, {@code udp → tcp (truncated)}, with a failure's detail. */
  private static String via(Attempt a) {
    StringBuilder sb = new StringBuilder();
    Transport last = null;
    int repeat = 0;
    for (Exchange e : a.exchanges()) {
      if (e.transport() == last && !e.truncated()) {
        repeat++;
        continue;
      }
      appendRepeat(sb, repeat);
      repeat = 1;
      if (sb.length() > 0) {
        sb.append(" → ");
      }
      sb.append(e.transport().id());
      last = e.transport();
    }
    appendRepeat(sb, repeat);
    if (a.retriedOverTcp()) {
      sb.append("  (UDP answer truncated, retried over TCP)");
    }
    if (!a.status().isResponse() && !a.exchanges().isEmpty()) {
      sb.append("  ").append(a.exchanges().get(a.exchanges().size() - 1).detail());
    }
    return sb.toString();
  }

  private static void appendRepeat(StringBuilder sb, int repeat) {
    if (repeat > 1) {
      sb.append('×').append(repeat);
    }
  }

  private static String statusStyle(Status s) {
    return switch (s) {
      case NOERROR -> "green";
      case NODATA, NXDOMAIN, REFUSED -> "yellow";
      default -> "red";
    };
  }

  private static String calls(DiscoveryResult r) {
    String name = r.library().askedName(r.lookup().query());
    return r.spec().types().stream().map(t -> r.library().call(name, t)).collect(Collectors.joining(", "))
        + (r.library().nameForm() == dev.clusterctl.discovery.NameForm.ABSOLUTE ? "  (asked once, no search list)" : "");
  }

  private static String verdict(DiscoveryResult r, Paint paint) {
    LookupResult lookup = r.lookup();
    if (r.crashes()) {
      return paint.apply("red", "the library crashes on this answer and finds no peer (see above)");
    }
    if (!r.found()) {
      String why = switch (lookup.status()) {
        case NXDOMAIN -> "NXDOMAIN: no candidate name exists";
        case NODATA -> "NODATA: the name exists but has no " + lookup.typeName() + " records";
        default -> lookup.status().label() + ": no candidate answered with records";
      };
      return paint.apply("red", why);
    }
    long refused = r.nodes().stream().filter(n -> !n.problems().isEmpty()).count();
    String nodes = r.nodes().size() + (r.nodes().size() == 1 ? " node" : " nodes");
    if (r.nodes().isEmpty()) {
      return paint.apply("red", "records found but no node name could be derived");
    }
    if (refused > 0) {
      return paint.apply("red", nodes + ", " + refused + " with a problem (see above)");
    }
    if (!r.gaps().isEmpty()) {
      return paint.apply("yellow", nodes + "; " + r.gaps().size() + " answers give no node");
    }
    return paint.apply("green", nodes + ", all names valid");
  }
}
