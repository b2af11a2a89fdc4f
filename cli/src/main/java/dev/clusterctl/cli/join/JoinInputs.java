package dev.clusterctl.cli.join;

import dev.clusterctl.cli.DiscoveryOptions;
import dev.clusterctl.cli.DnsOptions;
import dev.clusterctl.discovery.Discovery;
import dev.clusterctl.discovery.DiscoverySpec;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.watch.DnsPeerSource;
import dev.clusterctl.watch.PeerSource;
import dev.clusterctl.watch.ReleaseDiscovery;
import dev.clusterctl.watch.WatchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns {@code join}'s positional arguments, the shared DNS/discovery options and the release's
 * files (sys.config, vm.args) into a {@link JoinRequest}: what to look up, the port, the interval.
 */
final class JoinInputs {

  private JoinInputs() {}

  /**
   * Resolves the inputs; an explicit option wins over the release's files, which win over defaults.
   *
   * @throws BadInputException for a missing or conflicting DOMAIN, unreadable files, or a discovery join cannot do
   */
  static JoinRequest resolve(List<String> arguments, DnsOptions dns, DiscoveryOptions discovery, Path sysConfig,
      Path vmArgs, Optional<Integer> distPort, Optional<Duration> interval, Map<String, String> env) {
    String domain = dns.takeDomainArgument(arguments).orElse(null);
    List<String> warnings = new ArrayList<>();
    Optional<VmArgs> release = vmArgs == null ? Optional.empty() : Optional.of(VmArgs.parse(read(vmArgs), vmArgs.toString()));
    release.ifPresent(v -> warnings.addAll(v.warnings()));
    OptionalInt port = distPort.isPresent() ? OptionalInt.of(distPort.get())
        : release.map(VmArgs::distPort).orElse(OptionalInt.empty());
    Duration every = interval.orElse(WatchOptions.DEFAULT_INTERVAL);
    DnsConfig config = dns.toConfig();
    String servers = DnsPeerSource.serversText(config.servers());
    if (sysConfig != null) {
      if (domain != null) {
        throw new BadInputException("give a DOMAIN or --sys-config, not both");
      }
      SysConfig sc = SysConfig.parse(read(sysConfig), sysConfig.toString());
      warnings.addAll(sc.warnings());
      if (interval.isEmpty() && sc.refreshIntervalMs().isPresent()) {
        every = Duration.ofMillis(sc.refreshIntervalMs().getAsLong());
      }
      PeerSource source = ReleaseDiscovery.peerSource(
          sc, basename(discovery, release, "release.invalid", env), Resolver.of(config), servers);
      return new JoinRequest(source, port, every, warnings);
    }
    if (domain == null) {
      throw new BadInputException("a DOMAIN to look up (or --sys-config) is required");
    }
    domain = DomainNames.lookupName(domain);
    DiscoverySpec spec = discovery.toSpec(domain);
    Optional<String> base = basename(discovery, release, domain, env);
    if (spec.basename().isEmpty() && base.isPresent()) {
      spec = DiscoverySpec.of(spec.strategy(), spec.type(), spec.hostType(), base.get(), domain);
    }
    return new JoinRequest(new DnsPeerSource(new Discovery(Resolver.of(config)), spec, domain, servers), port, every,
        warnings);
  }

  /** --basename, else the alive part of vm.args' node name. */
  private static Optional<String> basename(
      DiscoveryOptions discovery, Optional<VmArgs> release, String domain, Map<String, String> env) {
    Optional<String> given = discovery.toSpec(domain).basename();
    return given.isPresent() ? given : release.flatMap(v -> ReleaseDiscovery.basename(v, env));
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
