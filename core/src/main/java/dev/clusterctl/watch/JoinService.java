package dev.clusterctl.watch;

import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.discovery.InetResCache;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.dns.SocketDnsClient;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.erlang.dist.NodeProbe;
import dev.clusterctl.erlang.dist.ProbeOptions;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.error.UnreachableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;

/**
 * {@code join} from plain values: {@link #plan} reads the release's files and builds the peer
 * source; an instance holds the distribution prober and runs one refresh ({@link #once}) or a
 * {@link JoinWatch} ({@link #watch}). Close it to release the prober's threads.
 */
public final class JoinService implements AutoCloseable {

  private final NodeProbe probe;
  private final Refresher refresher;

  /** A service probing {@code plan}'s peers with {@code probe} options; {@code mesh} also asks each for erlang:nodes(). */
  public JoinService(JoinPlan plan, ProbeOptions probe, boolean mesh) {
    this.probe = new NodeProbe(probe);
    this.refresher = new Refresher(plan.source(), new DistPeerProber(this.probe, plan.distPort()), mesh);
  }

  /**
   * Resolves the request; an explicit value wins over the release's files, which win over defaults.
   *
   * @throws BadInputException for a missing or conflicting domain, unreadable files, or a discovery join cannot do
   */
  public static JoinPlan plan(JoinRequest r) {
    List<String> warnings = new ArrayList<>();
    Optional<VmArgs> release = r.vmArgs().map(f -> VmArgs.parse(read(f), f.toString()));
    release.ifPresent(v -> warnings.addAll(v.warnings()));
    OptionalInt port = r.distPort().isPresent() ? r.distPort() : release.map(VmArgs::distPort).orElse(OptionalInt.empty());
    Duration every = r.interval().orElse(WatchOptions.DEFAULT_INTERVAL);
    String servers = DnsPeerSource.serversText(r.dns().servers());
    if (r.sysConfig().isPresent()) {
      Path file = r.sysConfig().get();
      if (r.domain().isPresent()) {
        throw new BadInputException("give a DOMAIN or --sys-config, not both");
      }
      SysConfig sc = SysConfig.parse(read(file), file.toString());
      warnings.addAll(sc.warnings());
      if (r.interval().isEmpty() && sc.refreshIntervalMs().isPresent()) {
        every = Duration.ofMillis(sc.refreshIntervalMs().getAsLong());
      }
      PeerSource source = ReleaseDiscovery.peerSource(
          sc, basename(r, release, "release.invalid"), resolver(r), servers, r.asNode() ? new InetResCache() : null);
      return new JoinPlan(source, port, every, warnings);
    }
    String domain = DomainNames.lookupName(
        r.domain().orElseThrow(() -> new BadInputException("a DOMAIN to look up (or --sys-config) is required")));
    DiscoverySpec spec = spec(r, domain);
    Optional<String> base = basename(r, release, domain);
    if (spec.basename().isEmpty() && base.isPresent()) {
      spec = spec.withBasename(base.get());
    }
    return new JoinPlan(new DnsPeerSource(new Discovery(resolver(r)), spec, domain, servers,
        r.asNode() ? new InetResCache() : null), port, every, warnings);
  }

  /**
   * One refresh: discover, probe every peer.
   *
   * @throws UnreachableException when no DNS server answered the discovery lookup
   */
  public JoinReport once() {
    JoinReport report = refresher.refresh();
    if (report.discovered() instanceof Discovered.Failed f && f.noServerResponded()) {
      throw new UnreachableException(f.message());
    }
    return report;
  }

  /** A watch refreshing with {@code options} and telling {@code listener}; run it with {@link JoinWatch#run()}. */
  public JoinWatch watch(WatchOptions options, WatchListener listener) {
    return new JoinWatch(refresher, options, listener, Clock.systemUTC(), Pause.system(), new Random());
  }

  @Override
  public void close() {
    probe.close();
  }

  /** A resolver asking {@code r}'s servers over the network, telling {@code r}'s listener about each wait. */
  private static Resolver resolver(JoinRequest r) {
    return new Resolver(r.dns(), r.waits().observing(new SocketDnsClient()));
  }

  /** The discovery options for {@code domain}, the library's defaults filled in. */
  private static DiscoverySpec spec(JoinRequest r, String domain) {
    return DiscoverySpec.of(r.strategy(), r.type().orElse(null), r.hostType().orElse(null), r.basename().orElse(null),
        domain);
  }

  /** The request's basename, else the alive part of vm.args' node name. */
  private static Optional<String> basename(JoinRequest r, Optional<VmArgs> release, String domain) {
    Optional<String> given = spec(r, domain).basename();
    return given.isPresent() ? given : release.flatMap(v -> ReleaseDiscovery.basename(v, r.env()));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
  }
}
