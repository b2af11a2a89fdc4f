package dev.clusterctl.cli.docs;

import dev.clusterctl.judge.Area;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;

/**
 * Generates {@code docs/checks.md} from the {@link CheckRegistry}: one section per check, its
 * anchor being its id (the {@code docs} link of every result).
 *
 * <p>Rendering is the command line's business, not core's: core's registry holds the checks and
 * their texts, this turns them into Markdown. {@code ChecksDocTest} regenerates the file (see its
 * failure message).
 */
final class ChecksDoc {

  private ChecksDoc() {}

  /** The Markdown text of the check reference. */
  static String render(CheckRegistry registry) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- GENERATED from dev.clusterctl.judge.CheckRegistry by dev.clusterctl.cli.docs.ChecksDoc: do not edit by hand. -->\n");
    sb.append("# clusterctl doctor checks\n\n");
    sb.append("Every result of `clusterctl doctor` carries one of these ids. The ids are stable: use them with ")
        .append("`--only` and `--skip`, and in tools reading `-o json` or `-o junit`. Each result has a status: ")
        .append("`pass`, `warn`, `fail`, `skip` (not applicable, or an input is missing) or `error` (the check ")
        .append("itself could not run). See [doctor.md](doctor.md) for the command and the report.\n\n");
    sb.append("| id | area | verifies |\n|---|---|---|\n");
    for (Check c : registry.all()) {
      sb.append("| [`").append(c.id()).append("`](#").append(c.id()).append(") | ").append(c.area().title()).append(" | ").append(c.title()).append(" |\n");
    }
    Area area = null;
    for (Check c : registry.all()) {
      if (c.area() != area) {
        area = c.area();
        sb.append("\n## ").append(area.title()).append("\n");
      }
      sb.append("\n<a id=\"").append(c.id()).append("\"></a>\n");
      sb.append("### ").append(c.id()).append("\n\n");
      sb.append("**").append(c.title()).append(".**\n\n");
      sb.append(c.description()).append("\n");
    }
    return sb.toString();
  }
}
