package dev.clusterctl.cli.command;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.exit.SignalTrap;
import dev.clusterctl.cli.render.join.JoinJson;
import dev.clusterctl.cli.render.join.JoinText;
import dev.clusterctl.cli.render.join.JsonlWriter;
import dev.clusterctl.cli.render.join.LiveView;
import dev.clusterctl.cli.terminal.ProgressLine;
import dev.clusterctl.cli.terminal.TerminalLender;
import dev.clusterctl.cli.terminal.TerminalLender.Loan;
import dev.clusterctl.cli.terminal.WaitDisplay;
import dev.clusterctl.cli.terminal.WaitRelay;
import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.erlang.dist.LoadedCookie;
import dev.clusterctl.erlang.dist.ProbeOptions;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import dev.clusterctl.watch.JoinPlan;
import dev.clusterctl.watch.JoinReport;
import dev.clusterctl.watch.JoinService;
import dev.clusterctl.watch.JoinWatch;
import dev.clusterctl.watch.WatchListener;
import dev.clusterctl.watch.WatchOptions;
import dev.clusterctl.watch.WatchSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Runs a {@link JoinPlan} through core's {@link JoinService} with {@code join}'s probe options and
 * cookie, and renders what comes back (text, JSON, JSON Lines or the live view).
 */
final class JoinRun {

  private final JoinCommand o;
  private final JoinPlan plan;
  private final WaitRelay waits;
  private final TerminalLender terminals;
  private final PrintWriter out;
  private final PrintWriter err;

  JoinRun(JoinCommand options, JoinPlan plan, WaitRelay waits, TerminalLender terminals, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.plan = plan;
    this.waits = waits;
    this.terminals = terminals;
    this.out = out;
    this.err = err;
  }

  /** One refresh and a report; 0 when every peer is joinable. */
  int once() {
    Optional<LoadedCookie> cookie = loadCookie();
    try (JoinService join = new JoinService(plan, probeOptions(cookie), o.mesh)) {
      JoinReport report;
      // a long lookup shows on stderr while it lasts, erased before the report is printed
      try (WaitDisplay progress = ProgressLine.forStderr(err, o.global.quiet(), o.output == JoinCommand.Output.json, System.getenv())) {
        waits.to(progress);
        report = join.once();
      } finally {
        waits.to(WaitListener.NONE);
      }
      if (o.output == JoinCommand.Output.json) {
        JoinJson json = new JoinJson();
        out.println(json.pretty(json.report(report, cookie.map(LoadedCookie::source))));
      } else {
        new JoinText(o.global.colorOnStdout()).report(report, cookieNote(cookie)).forEach(out::println);
      }
      out.flush();
      return report.allJoinable() ? ExitCode.OK.code() : ExitCode.PROBLEM.code();
    }
  }

  /** The refresh loop until a signal, {@code q} or {@code --count}; 130 when ended by a signal. */
  int watch() {
    Optional<LoadedCookie> cookie = loadCookie();
    WatchOptions wo = new WatchOptions(plan.interval(), o.jitter, WatchOptions.DEFAULT_MAX_BACKOFF,
        o.count == null ? OptionalLong.empty() : OptionalLong.of(o.count));
    try (JoinService join = new JoinService(plan, probeOptions(cookie), o.mesh)) {
      Optional<Loan> loan = liveTerminal();
      Watched watched;
      if (loan.isEmpty()) {
        watched = watchWith(join, wo, new JsonlWriter(out), null);
      } else {
        // the live view owns the screen: a long lookup is shown inside it (under its status line),
        // never as a stderr line that would move its cursor; with -o jsonl nothing is shown
        try (Loan terminal = loan.get(); LiveView view = new LiveView(terminal.terminal(), o.global.colorOnStdout());
            WaitDisplay progress = ProgressLine.inView(view::waiting, o.global.quiet())) {
          waits.to(progress);
          watched = watchWith(join, wo, view, view);
        } finally {
          waits.to(WaitListener.NONE);
        }
      }
      // after the live view has given the screen back, so the summary starts on a line of its own;
      // after a signal it is the run's last line, printed once: not when the stop fallback has
      // already ended the run with "interrupted" (LastLine)
      if (watched.signal().isEmpty() || o.lastLine().claim()) {
        err.println("clusterctl: " + new JoinText(false).summary(watched.summary()));
        err.flush();
      }
      return watched.signal().map(k -> k.exit().code()).orElseGet(() -> JoinCommand.exitFor(watched.summary()));
    } catch (IOException e) {
      throw new UnreachableException("cannot open the terminal for the live view: " + e.getMessage(), e);
    }
  }

  /** How a watch ended: its summary, and the signal that ended it, if one did. */
  private record Watched(WatchSummary summary, Optional<SignalTrap.Kind> signal) {}

  private Watched watchWith(JoinService join, WatchOptions wo, WatchListener listener, LiveView view) {
    JoinWatch w = join.watch(wo, listener);
    // a signal stops the refresh in progress too (its lookups and probes are interrupted): the
    // summary follows within a second whatever the refresh was waiting on
    java.util.concurrent.atomic.AtomicReference<SignalTrap.Kind> first = new java.util.concurrent.atomic.AtomicReference<>();
    try (SignalTrap trap = new SignalTrap(kind -> {
      first.compareAndSet(null, kind);
      w.stop();
    })) {
      if (view != null) {
        view.listenForKeys(w);
      }
      WatchSummary summary = w.run();
      return new Watched(summary, Optional.ofNullable(first.get()));
    }
  }

  /**
   * A terminal for the live view, or empty for JSON Lines: {@code -o jsonl}, no terminal, or one
   * that cannot redraw. {@code -o live} without a terminal that can redraw is bad input.
   */
  private Optional<Loan> liveTerminal() throws IOException {
    if (o.output == JoinCommand.Output.jsonl) {
      return Optional.empty();
    }
    Optional<Loan> loan = terminals.borrow();
    if (loan.isEmpty()) {
      if (o.output == JoinCommand.Output.live) {
        throw new BadInputException("-o live needs a terminal; use -o jsonl when piping");
      }
      return Optional.empty();
    }
    if (!loan.get().canRedraw()) {
      String type = loan.get().terminal().getType();
      loan.get().close();
      if (o.output == JoinCommand.Output.live) {
        throw new BadInputException("-o live needs a terminal that can redraw (this one is " + type + "); use -o jsonl");
      }
      return Optional.empty();
    }
    return loan;
  }

  private ProbeOptions probeOptions(Optional<LoadedCookie> cookie) {
    if (o.mesh && cookie.isEmpty()) {
      throw new BadInputException(
          "--mesh needs a cookie (--cookie-file or --cookie-env): erlang:nodes() is asked over a complete handshake");
    }
    ProbeOptions p = ProbeOptions.defaults().withTimeout(o.probeTimeout).withEpmdPort(o.epmdPort)
        .withConcurrency(o.concurrency).withListNodes(o.mesh);
    return cookie.map(c -> p.withCookie(c.cookie())).orElse(p);
  }

  private Optional<LoadedCookie> loadCookie() {
    plan.warnings().forEach(w -> err.println("clusterctl: warning: " + w));
    Optional<LoadedCookie> c = o.cookie.load(System.getenv(), home());
    c.ifPresent(lc -> lc.warnings().forEach(w -> err.println("clusterctl: warning: " + w)));
    if (c.isEmpty()) {
      err.println("clusterctl: no cookie (--cookie-file, --cookie-env, ~/.erlang.cookie): handshakes stop at the"
          + " challenge, cookies are not tested");
    }
    err.flush();
    return c;
  }

  /** Where ~/.erlang.cookie is looked for: $HOME, as Erlang's auth module does, else the JVM's user.home. */
  private static Path home() {
    String h = System.getenv("HOME");
    return Path.of(h != null && !h.isEmpty() ? h : System.getProperty("user.home"));
  }

  private static String cookieNote(Optional<LoadedCookie> c) {
    return c.map(lc -> "from " + lc.source()).orElse("none given: handshakes stop at the challenge (cookie not tested)");
  }
}
