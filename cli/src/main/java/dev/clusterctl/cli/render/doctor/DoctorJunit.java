package dev.clusterctl.cli.render.doctor;

import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Evidence;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;
import java.io.PrintWriter;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The report as JUnit XML for CI systems: one test case per check; a failing check (a warning
 * too with {@code --fail-on warn}) is a {@code <failure>}, a check that could not run an
 * {@code <error>}, a skipped one {@code <skipped>}.
 */
public final class DoctorJunit {

  /** Writes {@code report}. */
  public void render(Report report, boolean failOnWarn, PrintWriter out) {
    StringWriter buf = new StringWriter();
    try {
      XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(buf);
      int failures = (int) report.results().stream().filter(r -> Verdict.failing(r.status(), failOnWarn)).count();
      x.writeStartDocument("UTF-8", "1.0");
      x.writeCharacters("\n");
      x.writeStartElement("testsuites");
      x.writeStartElement("testsuite");
      x.writeAttribute("name", "clusterctl doctor");
      x.writeAttribute("tests", Integer.toString(report.results().size()));
      x.writeAttribute("failures", Integer.toString(failures));
      x.writeAttribute("errors", Integer.toString(report.summary().error()));
      x.writeAttribute("skipped", Integer.toString(report.summary().skip()));
      for (CheckResult r : report.results()) {
        x.writeCharacters("\n  ");
        x.writeStartElement("testcase");
        x.writeAttribute("classname", "clusterctl.doctor." + r.area().name().toLowerCase(java.util.Locale.ROOT));
        x.writeAttribute("name", r.id());
        if (Verdict.failing(r.status(), failOnWarn)) {
          x.writeStartElement("failure");
          x.writeAttribute("message", r.message());
          x.writeAttribute("type", r.status().id());
          x.writeCharacters(details(r));
          x.writeEndElement();
        } else if (r.status() == Status.ERROR) {
          x.writeStartElement("error");
          x.writeAttribute("message", r.message());
          x.writeEndElement();
        } else if (r.status() == Status.SKIP) {
          x.writeStartElement("skipped");
          x.writeAttribute("message", r.message());
          x.writeEndElement();
        } else {
          x.writeStartElement("system-out");
          x.writeCharacters(r.status().id() + ": " + r.message());
          x.writeEndElement();
        }
        x.writeEndElement();
      }
      x.writeCharacters("\n");
      x.writeEndElement();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write JUnit XML", e);
    }
    out.println(buf);
    out.flush();
  }

  private static String details(CheckResult r) {
    StringBuilder sb = new StringBuilder(r.subject()).append(": ").append(r.message()).append('\n');
    for (Evidence e : r.evidence()) {
      sb.append(e.label()).append(": ").append(e.value()).append('\n');
    }
    r.names().forEach(p -> sb.append(p.subject()).append(": calls itself ").append(p.calledItself()).append(", peers dial ").append(p.peersUse()).append('\n'));
    r.remediation().ifPresent(f -> sb.append("fix: ").append(f.text()).append('\n').append(f.snippet()).append('\n'));
    sb.append("docs: ").append(r.docs());
    return sb.toString();
  }
}
