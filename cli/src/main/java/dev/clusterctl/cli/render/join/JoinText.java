package dev.clusterctl.cli.render.join;

import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.erlang.dist.Verdict;
import dev.clusterctl.watch.Discovered;
import dev.clusterctl.watch.JoinReport;
import dev.clusterctl.watch.Mesh;
import dev.clusterctl.watch.PeerReport;
import dev.clusterctl.watch.WatchSummary;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Ansi;

/** The human-readable shapes of {@code join}: the peer table, the evidence under it, the mesh matrix. */
public final class JoinText {

  private final Ansi ansi;

  /** Text with colour when {@code color} is true. */
  public JoinText(boolean color) {
    this.ansi = color ? Ansi.ON : Ansi.OFF;
  }

  /** The whole one-shot report. */
  public List<String> report(JoinReport r, String cookieNote) {
    List<String> out = new ArrayList<>();
    out.add("Discovery: " + r.source());
    if (r.discovered() instanceof Discovered.Failed f) {
      out.add("  lookup failed: " + f.message());
    } else if (r.discovered() instanceof Discovered.Found f) {
      out.add("  " + f.peers().size() + " peer" + (f.peers().size() == 1 ? "" : "s") + " found");
      f.notes().forEach(n -> out.add("  note: " + n));
    }
    out.add("Cookie: " + cookieNote);
    out.add("");
    if (!r.peers().isEmpty()) {
      out.addAll(table(r.peers()));
    }
    r.mesh().ifPresent(m -> {
      out.add("");
      out.addAll(mesh(m));
    });
    out.add("");
    long ok = r.peers().stream().filter(p -> p.verdict().ok()).count();
    String verdict = r.allJoinable()
        ? ansi.string("@|green,bold OK|@") : ansi.string("@|red,bold PROBLEM|@");
    out.add(verdict + ": " + ok + " of " + r.peers().size() + " peers joinable"
        + (r.mesh().isPresent() ? ", " + r.mesh().get().partitions().size() + " partition(s)" : ""));
    return out;
  }

  /** The peer table with the evidence of each problem under its row. */
  List<String> table(List<PeerReport> peers) {
    String[] head = {"NODE", "PORT", "STATUS", "ANNOUNCED NAME", "COOKIE", "VERDICT"};
    List<String[]> rows = new ArrayList<>();
    for (PeerReport p : peers) {
      ProbeResult r = p.probe();
      rows.add(new String[] {
          p.nodeName(),
          r.port().isPresent() ? r.port().getAsInt() + " (" + r.portSource().id() + ")" : "- (" + r.portSource().id() + ")",
          r.status().map(s -> s.wire()).orElse("-"),
          r.announcedName().orElse("-"),
          r.cookie().id(),
          r.verdict().id()});
    }
    int[] w = new int[head.length];
    for (int i = 0; i < head.length; i++) {
      w[i] = head[i].length();
      for (String[] row : rows) {
        w[i] = Math.max(w[i], row[i].length());
      }
    }
    List<String> out = new ArrayList<>();
    out.add(ansi.string("@|bold " + pad(head, w) + "|@"));
    for (int i = 0; i < rows.size(); i++) {
      String[] row = rows.get(i);
      Verdict v = peers.get(i).verdict();
      String line = pad(row, w);
      String last = row[row.length - 1];
      String coloured = line.substring(0, line.length() - last.length())
          + ansi.string("@|" + (v.ok() ? "green" : "red") + " " + last + "|@");
      out.add(coloured);
      out.addAll(evidence(peers.get(i)));
    }
    return out;
  }

  /** Why a peer is not joinable, one indented line per finding. */
  List<String> evidence(PeerReport p) {
    ProbeResult r = p.probe();
    List<String> out = new ArrayList<>();
    switch (r.verdict()) {
      case NAME_MISMATCH -> out.add("    the node calls itself " + r.announcedName().orElse("?") + ", DNS gives "
          + p.nodeName() + ": a node dialling " + p.nodeName() + " drops the connection (pang, nothing logged)");
      case COOKIE_REJECTED -> out.add("    the node closed the connection after our digest: its cookie differs");
      case NOT_ALLOWED -> out.add("    the node answered not_allowed (net_kernel:allow/1 list, or capability flags)");
      case BUSY -> out.add("    the node answered " + r.status().map(s -> s.wire()).orElse("?")
          + ": a connection from a node of our name is up or being set up");
      case REACHABLE -> out.add("    name matches; give --cookie-file or --cookie-env to test the cookie");
      default -> { }
    }
    r.error().ifPresent(e -> out.add("    " + e.kind().id() + ": " + e.message()));
    r.nodesError().ifPresent(e -> out.add("    erlang:nodes() failed: " + e.message()));
    return out;
  }

  /** The connectivity matrix: rows ask, columns are answered. */
  List<String> mesh(Mesh m) {
    List<String> out = new ArrayList<>();
    out.add(ansi.string("@|bold Mesh|@") + " (row node's erlang:nodes() contains column node):");
    List<String> names = m.listed();
    int w = names.stream().mapToInt(String::length).max().orElse(4);
    StringBuilder header = new StringBuilder(" ".repeat(w + 4));
    for (int j = 0; j < names.size(); j++) {
      header.append(String.format("%3d", j + 1));
    }
    out.add(header.toString());
    for (int i = 0; i < names.size(); i++) {
      StringBuilder row = new StringBuilder(String.format("%2d  %-" + w + "s", i + 1, names.get(i)));
      for (int j = 0; j < names.size(); j++) {
        String cell;
        if (i == j) {
          cell = "-";
        } else {
          cell = m.connected(names.get(i), names.get(j)).map(b -> b ? "yes" : "no").orElse("?");
        }
        row.append(String.format("%3s", cell.equals("yes") ? "Y" : cell.equals("no") ? "." : cell));
      }
      out.add(row.toString());
    }
    out.add("  Y connected, . not connected, ? could not ask");
    out.add("Partitions: " + m.partitions().size() + (m.partitions().size() == 1 ? " (whole)" : ""));
    if (m.partitions().size() > 1) {
      m.partitions().forEach(p -> out.add("  " + String.join(", ", p)));
    }
    m.unlisted().forEach((n, extra) ->
        out.add("  " + n + " is connected to nodes DNS does not list: " + String.join(", ", extra)));
    return out;
  }

  /** The watch summary, one line. */
  public String summary(WatchSummary s) {
    return "watched " + s.refreshes() + " refreshes in " + s.duration().toSeconds() + " s: " + s.peersSeen()
        + " peers seen, " + s.joins() + " joined, " + s.leaves() + " left, " + s.flaps() + " flaps, "
        + s.stateChanges() + " state changes, " + s.lookupFailures() + " lookup failures; last refresh "
        + s.lastJoinable() + " of " + s.lastPeers() + " joinable";
  }

  private static String pad(String[] cells, int[] w) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        sb.append("  ");
      }
      sb.append(i == cells.length - 1 ? cells[i] : String.format("%-" + w[i] + "s", cells[i]));
    }
    return sb.toString();
  }
}
