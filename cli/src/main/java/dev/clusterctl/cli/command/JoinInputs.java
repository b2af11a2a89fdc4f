package dev.clusterctl.cli.command;

import dev.clusterctl.cli.option.DiscoveryOptions;
import dev.clusterctl.cli.option.DnsOptions;
import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.watch.JoinRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Maps {@code join}'s positional arguments and options to core's {@link JoinRequest}; reading the
 * release's files and choosing defaults is {@link dev.clusterctl.watch.JoinService#plan}'s job.
 */
final class JoinInputs {

  private JoinInputs() {}

  /**
   * The request for {@code arguments} ({@code [@HOST[:PORT]] [DOMAIN]}) and the options; its lookups tell {@code waits}.
   *
   * @throws dev.clusterctl.error.BadInputException for a malformed server argument or resolv.conf
   */
  static JoinRequest request(List<String> arguments, DnsOptions dns, DiscoveryOptions discovery, Path sysConfig,
      Path vmArgs, Optional<Integer> distPort, Optional<Duration> interval, Map<String, String> env, boolean asNode,
      WaitListener waits) {
    Optional<String> domain = dns.takeDomainArgument(arguments);
    return new JoinRequest(domain, dns.toConfig(), discovery.strategy(), discovery.type(), discovery.hostType(),
        discovery.basename(), Optional.ofNullable(sysConfig), Optional.ofNullable(vmArgs),
        distPort.map(OptionalInt::of).orElse(OptionalInt.empty()), interval, env, asNode, waits);
  }
}
