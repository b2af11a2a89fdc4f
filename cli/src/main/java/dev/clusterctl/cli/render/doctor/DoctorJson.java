package dev.clusterctl.cli.render.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.judge.Area;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Evidence;
import dev.clusterctl.judge.NamePair;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import dev.clusterctl.report.Target;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON report (docs/schemas/doctor.schema.json), written with Jackson from the report's typed fields. */
public final class DoctorJson {

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Writes {@code report} with its {@code verdict}. */
  public void render(Report report, Verdict verdict, PrintWriter out) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", report.schemaVersion());
    root.put("verdict", verdict.name().toLowerCase(java.util.Locale.ROOT));
    root.put("exitCode", verdict.exit().code());
    ArrayNode inputs = root.putArray("inputs");
    report.inputs().forEach(inputs::add);
    assumptions(root.putArray("assumptions"), report.assumptions());
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    target(root.putObject("target"), report.target());
    ObjectNode summary = root.putObject("summary");
    summary.put("pass", report.summary().pass());
    summary.put("warn", report.summary().warn());
    summary.put("fail", report.summary().fail());
    summary.put("skip", report.summary().skip());
    summary.put("error", report.summary().error());
    fix(root, report);
    ArrayNode results = root.putArray("results");
    for (CheckResult r : report.results()) {
      results.add(result(r));
    }
    write(root, out);
  }

  /** Writes the check list ({@code --list-checks -o json}). */
  public void renderChecks(List<Check> checks, PrintWriter out) {
    ObjectNode root = mapper.createObjectNode();
    root.put("schemaVersion", Report.SCHEMA_VERSION);
    ArrayNode arr = root.putArray("checks");
    for (Check c : checks) {
      ObjectNode o = arr.addObject();
      o.put("id", c.id());
      o.put("area", area(c.area()));
      o.put("title", c.title());
      o.put("description", c.description());
      o.put("docs", Check.docsLink(c.id()));
    }
    write(root, out);
  }

  private ObjectNode result(CheckResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", r.id());
    o.put("area", area(r.area()));
    o.put("status", r.status().id());
    o.put("subject", r.subject());
    o.put("message", r.message());
    ArrayNode ev = o.putArray("evidence");
    for (Evidence e : r.evidence()) {
      ev.addObject().put("label", e.label()).put("value", e.value());
    }
    ArrayNode names = o.putArray("names");
    for (NamePair p : r.names()) {
      ObjectNode n = names.addObject();
      n.put("subject", p.subject());
      n.put("calledItself", p.calledItself());
      n.put("peersUse", p.peersUse());
      n.put("equal", p.equal());
    }
    if (r.remediation().isPresent()) {
      ObjectNode fix = o.putObject("remediation");
      fix.put("text", r.remediation().get().text());
      fix.put("snippet", r.remediation().get().snippet());
      fix.put("language", r.remediation().get().language());
    } else {
      o.putNull("remediation");
    }
    o.put("docs", r.docs());
    assumptions(o.putArray("assumptions"), r.assumptions());
    return o;
  }

  private void write(ObjectNode root, PrintWriter out) {
    try {
      out.println(mapper.writeValueAsString(root));
      out.flush();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code fix}: the verified changes, or the findings without an automatic fix; null when no check fails. */
  private static void fix(ObjectNode root, Report report) {
    if (report.fix().isEmpty()) {
      root.putNull("fix");
      return;
    }
    FixPlan plan = report.fix().get();
    ObjectNode fix = root.putObject("fix");
    fix.put("verified", plan.verified());
    changes(fix.putArray("changes"), plan.changes());
    ArrayNode notes = fix.putArray("notes");
    plan.notes().forEach(notes::add);
    ArrayNode unfixed = fix.putArray("unfixed");
    plan.unfixed().forEach(u -> unfixed.addObject().put("check", u.check()).put("why", u.why()));
    if (plan.needsChoice()) {
      fix.put("choice", plan.choice());
    } else {
      fix.putNull("choice");
    }
    ArrayNode options = fix.putArray("options");
    for (FixPlan.Option option : plan.options()) {
      ObjectNode o = options.addObject().put("summary", option.summary());
      changes(o.putArray("changes"), option.changes());
      ArrayNode optionNotes = o.putArray("notes");
      option.notes().forEach(optionNotes::add);
    }
  }

  private static void changes(ArrayNode changes, List<FixPlan.Change> list) {
    for (FixPlan.Change c : list) {
      ObjectNode o = changes.addObject().put("file", c.file()).put("line", c.line());
      if (c.object().isEmpty()) {
        o.putNull("object").putNull("path");
      } else {
        o.put("object", c.object()).put("path", c.path().isEmpty() ? null : c.path());
      }
      o.put("before", c.before()).put("after", c.after()).put("summary", c.summary());
      ArrayNode answers = o.putArray("answers");
      c.answers().forEach(answers::add);
    }
  }

  private static void assumptions(ArrayNode out, List<Assumption> assumptions) {
    for (Assumption a : assumptions) {
      out.addObject().put("topic", a.topic().id()).put("what", a.what()).put("assumed", a.assumed()).put("because", a.because()).put("supply", a.supply()).put("softens", a.softens());
    }
  }

  private static void target(ObjectNode o, Target t) {
    o.put("namespace", t.namespace());
    ObjectNode s = o.putObject("service");
    putOptional(s, "name", t.service().name());
    putOptional(s, "namespace", t.service().namespace());
    s.put("found", t.service().found());
    s.put("headless", t.service().headless());
    if (t.workload().isPresent()) {
      Target.WorkloadTarget w = t.workload().get();
      o.putObject("workload").put("kind", w.kind()).put("namespace", w.namespace()).put("name", w.name()).put("replicas", w.replicas());
    } else {
      o.putNull("workload");
    }
    o.putObject("corefile").put("origin", t.corefile().origin()).put("assumedDefault", t.corefile().assumedDefault());
    o.put("clusterDomain", t.clusterDomain());
    if (t.discovery().isPresent()) {
      Target.DiscoveryTarget d = t.discovery().get();
      ObjectNode n = o.putObject("discovery");
      n.put("kind", d.kind());
      putOptional(n, "library", d.library());
      putOptional(n, "recordType", d.recordType());
      putOptional(n, "query", d.query());
      putOptional(n, "hostType", d.hostType());
      n.put("description", d.description());
      n.put("origin", d.origin());
    } else {
      o.putNull("discovery");
    }
    if (t.nodeName().isPresent()) {
      Target.NodeNameTarget n = t.nodeName().get();
      ObjectNode nn = o.putObject("nodeName");
      nn.put("template", n.template());
      putOptional(nn, "mode", n.mode());
      nn.put("origin", n.origin());
    } else {
      o.putNull("nodeName");
    }
  }

  /**
   * The area as the JSON names it (docs/schemas/doctor.schema.json), fixed here rather than taken
   * from the report's heading, so that renaming a heading never changes the JSON.
   */
  public static String area(Area area) {
    return switch (area) {
      case SERVICE -> "Service";
      case PODS -> "Pods";
      case DNS -> "DNS";
      case NODE_NAMES -> "Node names";
      case DISTRIBUTION -> "Distribution";
    };
  }

  private static void putOptional(ObjectNode o, String key, java.util.Optional<String> value) {
    if (value.isPresent()) {
      o.put(key, value.get());
    } else {
      o.putNull(key);
    }
  }
}
