package dev.clusterctl.erlang.dist;

import dev.clusterctl.erlang.term.Pid;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Probes Erlang nodes the way a joining node would: EPMD (or a fixed port), then the version-6
 * distribution handshake as a hidden node, reporting the status, the name the node announces for
 * itself, and whether it accepts our cookie; optionally {@code erlang:nodes()} over {@code rex}.
 *
 * <p><b>Why this is hand-written.</b> The only Java implementation of the protocol on Maven
 * Central, {@code org.erlang.otp:jinterface} 1.6.1, dates from 2016, is not published by the OTP
 * team, and speaks only the version-5 handshake without big creation: it cannot connect to OTP 25
 * or later. Current Jinterface ships only inside OTP itself. What a diagnostic probe needs — EPMD's
 * {@code PORT_PLEASE2}, the version-6 handshake, and enough of the external term format for one
 * RPC — is small and fully specified in
 * <a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html">the distribution protocol</a>,
 * so clusterctl carries its own, tested against real OTP nodes.
 *
 * <p>Every peer has one budget ({@link ProbeOptions#timeout()}) for all its steps; a peer that
 * stalls, trickles bytes, sends garbage or oversized frames ends in a {@link ProbeError}, never a
 * hang or an exception. {@link #probeAll} probes peers concurrently, so N peers take about one
 * timeout. The probe never disturbs a cluster: it is hidden (not in {@code nodes()}), answers
 * {@code alive} with {@code false}, and closes every connection when done.
 */
public final class NodeProbe implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final AtomicInteger POOL_IDS = new AtomicInteger();

  private final ProbeOptions options;
  private final String ourAlive;
  private final long ourCreation;
  private final ThreadPoolExecutor pool;
  private final AtomicInteger running = new AtomicInteger();
  private final AtomicInteger mostRunning = new AtomicInteger();

  /** A probe with these options; close it to release its threads. */
  public NodeProbe(ProbeOptions options) {
    this.options = options;
    this.ourAlive = String.format("clusterctl-%08x", RANDOM.nextInt());
    long creation;
    do {
      creation = RANDOM.nextInt() & 0xFFFFFFFFL;
    } while (creation == 0);
    this.ourCreation = creation;
    int poolId = POOL_IDS.incrementAndGet();
    AtomicInteger threadIds = new AtomicInteger();
    ThreadFactory factory =
        r -> {
          Thread t = new Thread(r, "clusterctl-probe-" + poolId + "-" + threadIds.incrementAndGet());
          t.setDaemon(true);
          return t;
        };
    this.pool =
        new ThreadPoolExecutor(
            options.concurrency(), options.concurrency(), 10, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
    this.pool.allowCoreThreadTimeOut(true);
  }

  /** The options this probe runs with. */
  public ProbeOptions options() {
    return options;
  }

  /** The alive part of the name the probe presents to nodes ({@code clusterctl-<hex>}). */
  public String ownAlive() {
    return ourAlive;
  }

  /**
   * Probes every target, at most {@link ProbeOptions#concurrency()} at once; results come back in
   * the order of {@code targets}. Each peer is bounded by the per-peer timeout.
   */
  public List<ProbeResult> probeAll(List<ProbeTarget> targets) {
    List<Future<ProbeResult>> futures = new ArrayList<>(targets.size());
    long started = System.nanoTime();
    // Keep only as many threads as this batch can use: a pool whose core size is the full
    // concurrency would start a new thread for every task until it holds them all.
    int wanted = Math.max(1, Math.min(options.concurrency(), targets.size()));
    synchronized (pool) {
      if (pool.getCorePoolSize() < wanted || pool.getActiveCount() == 0) {
        pool.setCorePoolSize(wanted);
      }
    }
    for (ProbeTarget t : targets) {
      futures.add(pool.submit(() -> probe(t)));
    }
    long rounds = (targets.size() + options.concurrency() - 1) / Math.max(1, options.concurrency());
    long budget = options.timeout().toNanos() * Math.max(1, rounds) + Duration.ofSeconds(2).toNanos();
    List<ProbeResult> results = new ArrayList<>(targets.size());
    for (int i = 0; i < futures.size(); i++) {
      Future<ProbeResult> f = futures.get(i);
      try {
        long left = Math.max(1, started + budget - System.nanoTime());
        results.add(f.get(left, TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        results.add(failed(targets.get(i), started, new ProbeError(
            ProbeError.Kind.TIMEOUT, targets.get(i).host() + ": timed out after " + options.timeout().toMillis()
                + " ms (resolving the host)")));
      } catch (InterruptedException e) {
        futures.forEach(x -> x.cancel(true));
        Thread.currentThread().interrupt();
        throw new IllegalStateException("probe interrupted", e);
      } catch (ExecutionException e) {
        results.add(failed(targets.get(i), started, describe(targets.get(i).host(), Step.RESOLVING, e.getCause(), options.timeout().toMillis())));
      }
    }
    return results;
  }

  private ProbeResult failed(ProbeTarget t, long started, ProbeError error) {
    return new ProbeResult(
        t, Optional.empty(), t.port().isPresent() ? PortSource.FIXED : PortSource.EPMD, t.port(),
        Optional.empty(), Optional.empty(), Optional.empty(), CookieCheck.NOT_TESTED, 0,
        Optional.empty(), Optional.empty(), Optional.of(error), Duration.ofNanos(System.nanoTime() - started));
  }

  /** Probes one peer within the per-peer timeout; never throws for anything the peer does. */
  public ProbeResult probe(ProbeTarget target) {
    mostRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
    try {
      return new Attempt(target).run();
    } finally {
      running.decrementAndGet();
    }
  }

  /** The most probes this probe has had in progress at the same time (at most {@link ProbeOptions#concurrency()} in {@link #probeAll}). */
  public int mostConcurrentProbes() {
    return mostRunning.get();
  }

  /** One probe of one peer, accumulating what it learns. */
  private final class Attempt {
    private final ProbeTarget target;
    private final long started = System.nanoTime();
    private final long timeoutMs = options.timeout().toMillis();
    private final long deadline = started + options.timeout().toNanos();
    private InetAddress address;
    private final PortSource portSource;
    private OptionalInt port;
    private EpmdEntry epmd;
    private Handshake handshake;
    private List<String> nodes;
    private ProbeError nodesError;
    private ProbeError error;

    Attempt(ProbeTarget target) {
      this.target = target;
      this.portSource = target.port().isPresent() ? PortSource.FIXED : PortSource.EPMD;
      this.port = target.port();
    }

    ProbeResult run() {
      String where = target.host();
      Step step = Step.RESOLVING;
      try {
        address = target.address().isPresent() ? target.address().get() : InetAddress.getByName(target.host());
        if (port.isEmpty()) {
          where = "EPMD at " + hostPort(address, options.epmdPort());
          step = Step.EPMD;
          Optional<EpmdEntry> entry =
              EpmdClient.portPlease(new InetSocketAddress(address, options.epmdPort()), target.alive(), deadline, timeoutMs);
          if (entry.isEmpty()) {
            error = new ProbeError(ProbeError.Kind.NOT_REGISTERED,
                where + ": no node named '" + target.alive() + "' is registered");
            return result();
          }
          epmd = entry.get();
          port = OptionalInt.of(epmd.port());
        }
        where = "node at " + hostPort(address, port.getAsInt());
        step = Step.CONNECTING;
        try (PeerChannel ch = PeerChannel.connect(new InetSocketAddress(address, port.getAsInt()), deadline, timeoutMs)) {
          String ourName = ourAlive + "@" + hostText(ch.localAddress());
          handshake = new Handshake(ch, ourName, ourCreation);
          step = Step.HANDSHAKE;
          boolean up = handshake.run(options.cookie());
          if (up && options.listNodes()) {
            try {
              nodes = RexCall.nodes(ch, new Pid(ourName, 1 + RANDOM.nextInt(0x7FFF), 0, ourCreation));
            } catch (IOException | RuntimeException | StackOverflowError e) {
              nodesError = describe(where, Step.RPC, e, timeoutMs);
            }
          }
        }
      } catch (UnknownHostException e) {
        error = new ProbeError(ProbeError.Kind.UNKNOWN_HOST, target.host() + ": unknown host");
      } catch (IOException | RuntimeException | StackOverflowError e) {
        error = describe(where, step, e, timeoutMs);
      }
      return result();
    }

    private ProbeResult result() {
      Handshake h = handshake;
      return new ProbeResult(
          target,
          Optional.ofNullable(address).map(NodeProbe::hostText),
          portSource,
          port,
          Optional.ofNullable(epmd),
          h == null ? Optional.empty() : h.status(),
          h == null ? Optional.empty() : h.announcedName(),
          h == null ? CookieCheck.NOT_TESTED : h.cookie(),
          h == null ? 0 : h.peerFlags(),
          Optional.ofNullable(nodes).map(List::copyOf),
          Optional.ofNullable(nodesError),
          Optional.ofNullable(error),
          Duration.ofNanos(System.nanoTime() - started));
    }
  }

  /** Where a probe of one peer was when it stopped; it chooses the words for what went wrong. */
  enum Step {
    RESOLVING("resolving the host"),
    EPMD("asking EPMD for the node's port"),
    CONNECTING("connecting"),
    HANDSHAKE("during the handshake"),
    RPC("during rpc erlang:nodes/0");

    final String words;

    Step(String words) {
      this.words = words;
    }
  }

  /**
   * One line in words for why a probe stopped at {@code step}: what the peer did (refused, timed
   * out, closed, reset, answered something that is not EPMD or Erlang distribution), never a Java
   * class name, and never the text of an exception this package did not write itself.
   */
  static ProbeError describe(String where, Step step, Throwable e, long timeoutMs) {
    ProbeError.Kind kind;
    String detail;
    String message = e == null || e.getMessage() == null ? "" : e.getMessage();
    String lower = message.toLowerCase(Locale.ROOT);
    if (e instanceof SocketTimeoutException || (e instanceof ConnectException && lower.contains("timed out"))) {
      kind = ProbeError.Kind.TIMEOUT;
      detail = message.startsWith("timed out after") ? message : "timed out after " + timeoutMs + " ms " + step.words;
    } else if (e instanceof ConnectException) {
      kind = ProbeError.Kind.CONNECTION_REFUSED;
      detail = "connection refused";
    } else if (e instanceof NoRouteToHostException) {
      kind = ProbeError.Kind.NO_ROUTE;
      detail = "no route to host";
    } else if (e instanceof EOFException) {
      // PeerChannel writes these itself: "connection closed by the peer waiting for ..."
      kind = ProbeError.Kind.CLOSED;
      detail = message.startsWith("connection closed by the peer") ? message : "connection closed by the peer " + step.words;
    } else if (e instanceof DistProtocolException) {
      // written in this package, in words; say first what such an answer means
      kind = ProbeError.Kind.PROTOCOL;
      detail = badAnswer(step) + message;
    } else if (e instanceof SocketException && lower.contains("reset")) {
      kind = ProbeError.Kind.CLOSED;
      detail = "connection reset by the peer " + step.words;
    } else if (e instanceof SocketException && (lower.contains("broken pipe") || lower.contains("closed"))) {
      kind = ProbeError.Kind.CLOSED;
      detail = "connection closed by the peer " + step.words;
    } else if (e instanceof SocketException && lower.contains("unreachable")) {
      kind = ProbeError.Kind.NO_ROUTE;
      detail = "network unreachable";
    } else if (e instanceof IOException) {
      kind = ProbeError.Kind.IO;
      detail = "network error " + step.words;
    } else if (step == Step.EPMD || step == Step.HANDSHAKE || step == Step.RPC) {
      // a decoder gave up on bytes it could not read (an impossible length, term or name)
      kind = ProbeError.Kind.PROTOCOL;
      detail = badAnswer(step) + "the peer sent bytes that cannot be read " + step.words;
    } else {
      kind = ProbeError.Kind.IO;
      detail = "the probe failed " + step.words + " (a bug in clusterctl: please report it)";
    }
    return new ProbeError(kind, where + ": " + detail);
  }

  private static String badAnswer(Step step) {
    return switch (step) {
      case EPMD -> "not EPMD (bad reply): ";
      case CONNECTING, HANDSHAKE -> "not an Erlang node (bad handshake): ";
      case RESOLVING, RPC -> "bad distribution message: ";
    };
  }

  private static String hostText(InetAddress a) {
    String s = a.getHostAddress();
    int pct = s.indexOf('%');
    return pct >= 0 ? s.substring(0, pct) : s;
  }

  private static String hostPort(InetAddress a, int port) {
    String h = hostText(a);
    return (a instanceof Inet6Address ? "[" + h + "]" : h) + ":" + port;
  }

  /** Stops the probe threads. */
  @Override
  public void close() {
    pool.shutdownNow();
  }
}
