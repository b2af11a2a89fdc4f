package dev.clusterctl.cli.render.doctor;

import dev.clusterctl.judge.Check;
import java.io.PrintWriter;
import java.util.List;

/** {@code --list-checks} as text: id, area and title of every check. */
public final class CheckListing {

  private CheckListing() {}

  /** Writes one line per check. */
  public static void render(List<Check> checks, PrintWriter out) {
    for (Check c : checks) {
      out.printf("%-27s %-13s %s%n", c.id(), c.area().title(), c.title());
    }
    out.flush();
  }
}
