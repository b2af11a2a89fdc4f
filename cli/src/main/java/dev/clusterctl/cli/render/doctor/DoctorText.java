package dev.clusterctl.cli.render.doctor;

import dev.clusterctl.judge.Area;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Evidence;
import dev.clusterctl.judge.NamePair;
import dev.clusterctl.judge.Status;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.report.Summary;
import dev.clusterctl.report.Target;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Help.Ansi;

/** The human report: results grouped by area, names side by side, remediation under each problem. */
public final class DoctorText {

  /** The check whose outcome decides the headline. */
  private static final String HEART = "node-host-matches-dns";

  private final Ansi ansi;
  private final boolean verbose;

  /** A renderer that colours with {@code ansi} and shows passing checks' evidence when {@code verbose}. */
  public DoctorText(Ansi ansi, boolean verbose) {
    this.ansi = ansi;
    this.verbose = verbose;
  }

  /** Writes {@code report} to {@code out}. */
  public void render(Report report, Verdict verdict, PrintWriter out) {
    out.println(ansi.string("@|bold clusterctl doctor|@"));
    for (Evidence e : targetLines(report.target())) {
      out.printf("  %-15s %s%n", e.label(), e.value());
    }
    out.println("  inputs          " + String.join(", ", report.inputs()));
    for (Assumption a : report.assumptions()) {
      out.println("  " + (a.softens() ? ansi.string("@|yellow assumed|@") + "         " : "premise         ") + a.describe());
    }
    for (String n : report.notes()) {
      out.println("  " + ansi.string("@|yellow note|@") + "            " + n);
    }
    for (Area area : Area.values()) {
      List<CheckResult> rs = report.results().stream().filter(r -> r.area() == area).toList();
      if (rs.isEmpty()) {
        continue;
      }
      out.println();
      out.println(ansi.string("@|bold " + area.title() + "|@"));
      for (CheckResult r : rs) {
        result(r, out);
      }
    }
    report.fix().ifPresent(plan -> fix(plan, out));
    out.println();
    out.println(summary(report, verdict));
    out.flush();
  }

  /** The fix plan: each change before and after with its file, or which findings have no automatic fix. */
  private void fix(FixPlan plan, PrintWriter out) {
    out.println();
    if (!plan.verified()) {
      out.println(ansi.string("@|bold Fix|@") + "  no set of changes was found after which every check passes:");
      for (FixPlan.Unfixed u : plan.unfixed()) {
        out.println("  " + u.check() + ": " + u.why());
      }
      return;
    }
    if (plan.needsChoice()) {
      out.println(ansi.string("@|bold Fix|@") + "  a choice only you can make: " + plan.choice());
      out.println("     each of these " + plan.options().size() + " options is checked: with it every check passes (write one out with --fix DIR --choose N)");
      int n = 1;
      for (FixPlan.Option o : plan.options()) {
        out.println("  " + ansi.string("@|bold Option " + n++ + "|@") + ": " + o.summary());
        changes(o.changes(), "    ", out);
        o.notes().forEach(note -> out.println("    note: " + note));
      }
      return;
    }
    out.println(ansi.string("@|bold Fix|@") + "  checked: with " + (plan.changes().size() == 1 ? "this change" : "these " + plan.changes().size() + " changes")
        + " every check passes (write it out with --fix DIR)");
    changes(plan.changes(), "  ", out);
    for (String n : plan.notes()) {
      out.println("  note: " + n);
    }
  }

  /** Each change: where, before and after, and the checks it answers; indented by {@code indent}. */
  private void changes(List<FixPlan.Change> changes, String indent, PrintWriter out) {
    for (FixPlan.Change c : changes) {
      String where = c.object().isEmpty() ? c.file() + (c.line() > 0 ? ":" + c.line() : "") : c.object() + " " + c.path()
          + "  (" + c.file() + (c.line() > 0 ? ":" + c.line() : "") + ")";
      out.println(indent + where);
      if (c.before().contains("\n") || c.after().contains("\n")) {
        List<String> before = List.of(c.before().split("\n"));
        List<String> after = List.of(c.after().split("\n"));
        before.stream().filter(l -> !after.contains(l)).forEach(l -> out.println(indent + "  " + ansi.string("@|red - " + l + "|@")));
        after.stream().filter(l -> !before.contains(l)).forEach(l -> out.println(indent + "  " + ansi.string("@|green + " + l + "|@")));
      } else {
        out.println(indent + "  " + ansi.string("@|red - " + c.before() + "|@"));
        out.println(indent + "  " + ansi.string("@|green + " + c.after() + "|@"));
      }
      out.println(indent + "  answers: " + String.join(", ", c.answers()));
    }
  }

  private void result(CheckResult r, PrintWriter out) {
    out.printf("  %s %-27s %s%n", tag(r.status()), r.id(), r.message());
    boolean detail = verbose || r.status() == Status.FAIL || r.status() == Status.WARN || r.status() == Status.ERROR;
    if (!r.names().isEmpty()) {
      names(r.names(), out);
    }
    if (!detail) {
      return;
    }
    for (Evidence e : r.evidence()) {
      out.println("         " + e.label() + ": " + e.value());
    }
    r.remediation().ifPresent(fix -> {
      out.println("         " + ansi.string("@|bold fix:|@") + " " + fix.text());
      if (!fix.snippet().isEmpty()) {
        for (String line : fix.snippet().split("\n", -1)) {
          out.println("           " + line);
        }
      }
    });
    if (r.status() != Status.PASS) {
      out.println("         docs: " + r.docs());
    }
  }

  /** Each pair on two aligned lines, with a caret under the first differing character. */
  private void names(List<NamePair> pairs, PrintWriter out) {
    for (NamePair p : pairs) {
      String self = p.calledItself() == null ? "(unknown)" : p.calledItself();
      String peer = p.peersUse() == null ? "(not in DNS)" : p.peersUse();
      String mark = p.equal() ? ansi.string("@|green = same|@") : ansi.string("@|red ≠ differs|@");
      out.println("         pod " + p.subject() + "  " + mark);
      out.println("           calls itself  " + self);
      out.println("           peers dial    " + peer);
      if (!p.equal() && p.calledItself() != null && p.peersUse() != null) {
        int i = 0;
        while (i < self.length() && i < peer.length() && self.charAt(i) == peer.charAt(i)) {
          i++;
        }
        out.println("                         " + " ".repeat(i) + "^");
      }
    }
  }

  /** The verdict when nothing failed: it depends on whether the node names could be compared at all. */
  private String passVerdict(Report report) {
    Optional<CheckResult> heart = report.results().stream().filter(r -> r.id().equals(HEART)).findFirst();
    if (heart.isEmpty()) {
      return ansi.string("@|green,bold no check failed|@");
    }
    if (heart.get().status() == Status.SKIP) {
      return ansi.string("@|yellow,bold nothing failed, but the node names could not be compared: " + heart.get().message() + "|@");
    }
    return ansi.string("@|green,bold the nodes should find and accept each other|@");
  }

  private String tag(Status s) {
    return switch (s) {
      case PASS -> ansi.string("@|green PASS |@");
      case WARN -> ansi.string("@|yellow WARN |@");
      case FAIL -> ansi.string("@|red,bold FAIL |@");
      case SKIP -> ansi.string("@|faint SKIP |@");
      case ERROR -> ansi.string("@|magenta,bold ERROR|@");
    };
  }

  private String summary(Report report, Verdict v) {
    Summary s = report.summary();
    String counts = s.pass() + " passed, " + s.warn() + " warned, " + s.fail() + " failed, " + s.skip() + " skipped" + (s.error() > 0 ? ", " + s.error() + " could not run" : "");
    String verdict = switch (v) {
      case PASS -> passVerdict(report);
      case FAIL -> report.has(Status.FAIL)
          ? ansi.string("@|red,bold the nodes will not form a cluster as configured|@")
          : ansi.string("@|yellow,bold warnings fail this run (--fail-on warn)|@");
      case ERROR -> ansi.string("@|magenta,bold some checks could not run: verdict incomplete|@");
    };
    return "Summary: " + counts + " — " + verdict;
  }

  /** The target as label and value lines, in words. */
  static List<Evidence> targetLines(Target t) {
    Target.ServiceTarget s = t.service();
    String service;
    if (s.found()) {
      service = "Service/" + s.namespace().orElse(t.namespace()) + "/" + s.name().orElse("") + (s.headless() ? " (headless)" : "");
    } else {
      service = s.name().map(n -> n + " (not among the inputs)").orElse("(none)");
    }
    return List.of(
        new Evidence("namespace", t.namespace()),
        new Evidence("service", service),
        new Evidence("workload", t.workload().map(w -> w.kind() + "/" + w.namespace() + "/" + w.name() + ", " + w.replicas() + " replicas").orElse("(none)")),
        new Evidence("Corefile", t.corefile().origin()),
        new Evidence("cluster domain", t.clusterDomain()),
        new Evidence("discovery", t.discovery().map(d -> d.description() + " (" + d.origin() + ")").orElse("(unknown: give --sys-config or --strategy)")),
        new Evidence("node name", t.nodeName().map(n -> n.template() + " (" + n.origin() + ")").orElse("(unknown: give --vm-args or set RELEASE_* in the container)")));
  }
}
