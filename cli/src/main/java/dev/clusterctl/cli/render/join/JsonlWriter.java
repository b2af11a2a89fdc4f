package dev.clusterctl.cli.render.join;

import dev.clusterctl.watch.WatchEvent;
import dev.clusterctl.watch.WatchListener;
import java.io.PrintWriter;

/** Writes each event as one JSON line and flushes, so pipes and log shippers see it at once. */
public final class JsonlWriter implements WatchListener {

  private final JoinJson json = new JoinJson();
  private final PrintWriter out;

  /** A writer of events to {@code out}. */
  public JsonlWriter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void on(WatchEvent event) {
    out.println(json.line(json.event(event)));
    out.flush();
  }
}
