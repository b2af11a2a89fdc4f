package dev.clusterctl.model;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.erlang.PortRange;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** The release's own settings: how it names its node, where its cookie comes from, its distribution port and protocol. */
final class ReleaseReader {

  private ReleaseReader() {}

  /**
   * Reads the release run by container {@code release} ({@code null} when there is no workload),
   * with the discovery already read.
   */
  static ReleaseInfo read(ModelRequest r, Optional<Strategy> strategy, Optional<Discovery> discovery, ContainerInfo release, Notes notes) {
    Optional<NodeNaming> naming = naming(r, release, strategy);
    naming.ifPresent(n -> n.assumptions().forEach(notes::assume));
    boolean elixir = naming.filter(ElixirNaming.class::isInstance).isPresent()
        || strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent()
        || (release != null && release.env().stream().anyMatch(e -> e.name().startsWith("RELEASE_")));
    List<CookieSource> cookies = cookies(r.vmArgs(), release);
    OptionalInt distPort = OptionalInt.empty();
    String distOrigin = "";
    if (r.vmArgs().isPresent() && r.vmArgs().get().distPort().isPresent()) {
      distPort = r.vmArgs().get().distPort();
      distOrigin = r.vmArgs().get().source();
    } else if (r.sysConfig().flatMap(SysConfig::distPortRange).filter(PortRange::isSinglePort).isPresent()) {
      distPort = OptionalInt.of(r.sysConfig().get().distPortRange().get().min());
      distOrigin = r.sysConfig().get().source() + " (kernel inet_dist_listen_min)";
    }
    Optional<String> protoDist = r.vmArgs().flatMap(VmArgs::protoDist).or(() -> protoDistFromEnv(release));
    return new ReleaseInfo(naming, discovery, r.basename(), cookies, distPort, distOrigin, elixir, protoDist);
  }

  /** The naming: vm.args {@code -name}/{@code -sname}, else an Elixir release's {@code RELEASE_*}. */
  private static Optional<NodeNaming> naming(ModelRequest r, ContainerInfo release, Optional<Strategy> strategy) {
    if (r.vmArgs().isPresent() && r.vmArgs().get().nameMode().isPresent()) {
      return Optional.of(new VmArgsNaming(r.vmArgs().get()));
    }
    boolean releaseVars = release != null && (release.env("RELEASE_NODE").isPresent() || release.env("RELEASE_DISTRIBUTION").isPresent());
    boolean elixirStrategy = strategy.filter(s -> s != Strategy.GEN_CLUSTER).isPresent();
    if (releaseVars || elixirStrategy) {
      String dist = release == null ? null : release.env("RELEASE_DISTRIBUTION").map(EnvVar::value).orElse(null);
      boolean nodeSet = release != null && release.env("RELEASE_NODE").isPresent();
      return Optional.of(new ElixirNaming(dist, nodeSet, r.basename().orElse(null)));
    }
    return Optional.empty();
  }

  /** {@code -proto_dist P} in the flags the VM takes from the environment. */
  private static Optional<String> protoDistFromEnv(ContainerInfo release) {
    if (release == null) {
      return Optional.empty();
    }
    for (String var : List.of("ERL_FLAGS", "ERL_AFLAGS", "ERL_ZFLAGS")) {
      Optional<String> v = release.env(var).map(EnvVar::value).filter(x -> x != null);
      if (v.isPresent()) {
        String[] words = v.get().trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i++) {
          if (words[i].equals("-proto_dist")) {
            return Optional.of(words[i + 1]);
          }
        }
      }
    }
    return Optional.empty();
  }

  /** Where the cookie is set: {@code RELEASE_COOKIE}/{@code RELX_COOKIE} in the container, {@code -setcookie} in vm.args. */
  private static List<CookieSource> cookies(Optional<VmArgs> vmArgs, ContainerInfo release) {
    List<CookieSource> out = new ArrayList<>();
    if (release != null) {
      for (String var : List.of("RELEASE_COOKIE", "RELX_COOKIE")) {
        release.env(var).ifPresent(e -> out.add(new CookieSource("env " + var + (e.from() == null ? "" : " (" + e.from() + ")"), var, null, List.of())));
      }
    }
    if (vmArgs.isPresent() && vmArgs.get().hasCookie()) {
      VmArgs v = vmArgs.get();
      List<String> vars = v.cookieVariables();
      String hash = vars.isEmpty() ? v.cookieHash(Map.of()).orElse(null) : null;
      out.add(new CookieSource(v.cookieSource().orElse(v.source() + " -setcookie"), null, hash, vars));
    }
    Set<String> seen = new LinkedHashSet<>();
    out.removeIf(c -> !seen.add(c.origin()));
    return out;
  }
}
