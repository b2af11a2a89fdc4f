package dev.clusterctl.cli.join;

import dev.clusterctl.cli.ExitCode;
import dev.clusterctl.erlang.dist.LoadedCookie;
import dev.clusterctl.erlang.dist.NodeProbe;
import dev.clusterctl.erlang.dist.ProbeOptions;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import dev.clusterctl.watch.Discovered;
import dev.clusterctl.watch.DistPeerProber;
import dev.clusterctl.watch.JoinReport;
import dev.clusterctl.watch.JoinWatch;
import dev.clusterctl.watch.Pause;
import dev.clusterctl.watch.PeerSource;
import dev.clusterctl.watch.Refresher;
import dev.clusterctl.watch.WatchListener;
import dev.clusterctl.watch.WatchOptions;
import dev.clusterctl.watch.WatchSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Wires {@code join}'s options to core (discovery, probe, loop) and to a renderer. */
final class JoinRun {

  private final JoinCommand o;
  private final JoinRequest request;
  private final PeerSource source;
  private final PrintWriter out;
  private final PrintWriter err;

  JoinRun(JoinCommand options, JoinRequest request, PrintWriter out, PrintWriter err) {
    this.o = options;
    this.request = request;
    this.source = request.source();
    this.out = out;
    this.err = err;
  }

  /** One refresh and a report; 0 when every peer is joinable. */
  int once() {
    Optional<LoadedCookie> cookie = loadCookie();
    try (NodeProbe probe = new NodeProbe(probeOptions(cookie))) {
      JoinReport report = refresher(source, probe).refresh();
      if (report.discovered() instanceof Discovered.Failed f && f.noServerResponded()) {
        throw new UnreachableException(f.message());
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
    WatchOptions wo = new WatchOptions(request.interval(), o.jitter, WatchOptions.DEFAULT_MAX_BACKOFF,
        o.count == null ? OptionalLong.empty() : OptionalLong.of(o.count));
    try (NodeProbe probe = new NodeProbe(probeOptions(cookie))) {
      Refresher refresher = refresher(source, probe);
      Terminal terminal = liveTerminal();
      if (terminal == null) {
        return watchWith(refresher, wo, new JsonlWriter(out), null);
      }
      try (terminal; LiveView view = new LiveView(terminal, o.global.colorOnStdout())) {
        return watchWith(refresher, wo, view, view);
      }
    } catch (IOException e) {
      throw new UnreachableException("cannot open the terminal for the live view: " + e.getMessage(), e);
    }
  }

  private int watchWith(Refresher refresher, WatchOptions wo, WatchListener listener, LiveView view) {
    JoinWatch w = new JoinWatch(refresher, wo, listener, Clock.systemUTC(), Pause.system(), new Random());
    WatchSummary summary;
    boolean signalled;
    try (SignalTrap trap = new SignalTrap(w::stop)) {
      if (view != null) {
        view.listenForKeys(w);
      }
      summary = w.run();
      signalled = trap.fired();
    }
    err.println("clusterctl: " + new JoinText(false).summary(summary));
    err.flush();
    return signalled ? ExitCode.INTERRUPTED.code() : JoinCommand.exitFor(summary);
  }

  /** A terminal for the live view, or null for JSON Lines (not a terminal, or -o jsonl). */
  private Terminal liveTerminal() throws IOException {
    if (o.output == JoinCommand.Output.jsonl) {
      return null;
    }
    boolean tty = System.console() != null;
    if (!tty) {
      if (o.output == JoinCommand.Output.live) {
        throw new BadInputException("-o live needs a terminal; use -o jsonl when piping");
      }
      return null;
    }
    Terminal t = TerminalBuilder.builder().system(true).build();
    if (Terminal.TYPE_DUMB.equals(t.getType()) || Terminal.TYPE_DUMB_COLOR.equals(t.getType())) {
      t.close();
      if (o.output == JoinCommand.Output.live) {
        throw new BadInputException("-o live needs a terminal that can redraw (TERM is dumb); use -o jsonl");
      }
      return null;
    }
    return t;
  }

  private Refresher refresher(PeerSource source, NodeProbe probe) {
    return new Refresher(source, new DistPeerProber(probe, request.distPort()), o.mesh);
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
    request.warnings().forEach(w -> err.println("clusterctl: warning: " + w));
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
