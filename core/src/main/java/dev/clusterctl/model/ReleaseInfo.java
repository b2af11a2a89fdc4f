package dev.clusterctl.model;

import dev.clusterctl.release.Origin;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Erlang/Elixir release's own settings.
 *
 * @param naming how it names its node, when known (vm.args or {@code RELEASE_*})
 * @param discovery how it finds its peers, when known (sys.config or {@code --strategy})
 * @param basename the basename the discovery library uses, when it is configured apart from the
 *     node name ({@code --basename}: libcluster's {@code application_name}, dns_cluster's basename)
 * @param cookies where the cookie is set
 * @param vmArgsDistPort a fixed distribution port from vm.args/sys.config ({@code -erl_epmd_port},
 *     {@code inet_dist_listen_min})
 * @param distPortOrigin where {@code vmArgsDistPort} was set
 * @param elixir true for an Elixir release ({@code RELEASE_*} variables)
 * @param protoDist the distribution protocol ({@code -proto_dist} in vm.args, or in the container's
 *     {@code ERL_FLAGS}/{@code ERL_AFLAGS}/{@code ERL_ZFLAGS}), such as {@code inet6_tcp}
 * @param discoverySetting where the Elixir project sets the name its discovery asks for (libcluster's
 *     {@code service}, DNSPoll's and DNSCluster's query): a line of a config or module file, or a
 *     container variable; empty when it is not set there (sys.config, {@code --strategy}, a default)
 */
public record ReleaseInfo(
    Optional<NodeNaming> naming,
    Optional<Discovery> discovery,
    Optional<String> basename,
    List<CookieSource> cookies,
    OptionalInt vmArgsDistPort,
    String distPortOrigin,
    boolean elixir,
    Optional<String> protoDist,
    Optional<Origin> discoverySetting) {

  /** Copies the list. */
  public ReleaseInfo {
    cookies = List.copyOf(cookies);
  }

  /** These settings with another naming. */
  public ReleaseInfo withNaming(NodeNaming other) {
    return new ReleaseInfo(Optional.of(other), discovery, basename, cookies, vmArgsDistPort, distPortOrigin, elixir, protoDist, discoverySetting);
  }
}
