package dev.clusterctl.cli.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.doctor.Check;
import dev.clusterctl.doctor.CheckResult;
import dev.clusterctl.doctor.Evidence;
import dev.clusterctl.doctor.NamePair;
import dev.clusterctl.doctor.Report;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The JSON report (schema in docs/doctor.md), written with Jackson. */
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
    ArrayNode notes = root.putArray("notes");
    report.notes().forEach(notes::add);
    ObjectNode target = root.putObject("target");
    for (Evidence e : report.target()) {
      target.put(camel(e.label()), e.value());
    }
    ObjectNode summary = root.putObject("summary");
    summary.put("pass", report.summary().pass());
    summary.put("warn", report.summary().warn());
    summary.put("fail", report.summary().fail());
    summary.put("skip", report.summary().skip());
    summary.put("error", report.summary().error());
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
      o.put("area", c.area().title());
      o.put("title", c.title());
      o.put("description", c.description());
      o.put("docs", Check.docsLink(c.id()));
    }
    write(root, out);
  }

  private ObjectNode result(CheckResult r) {
    ObjectNode o = mapper.createObjectNode();
    o.put("id", r.id());
    o.put("area", r.area().title());
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

  /** {@code cluster domain} → {@code clusterDomain}. */
  static String camel(String label) {
    StringBuilder sb = new StringBuilder();
    boolean up = false;
    for (char c : label.toCharArray()) {
      if (c == ' ' || c == '-') {
        up = true;
      } else {
        sb.append(up ? Character.toUpperCase(c) : (sb.length() == 0 ? Character.toLowerCase(c) : c));
        up = false;
      }
    }
    return sb.toString();
  }
}
