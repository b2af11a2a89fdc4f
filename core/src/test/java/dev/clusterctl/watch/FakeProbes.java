package dev.clusterctl.watch;

import dev.clusterctl.erlang.dist.CookieCheck;
import dev.clusterctl.erlang.dist.HandshakeStatus;
import dev.clusterctl.erlang.dist.PortSource;
import dev.clusterctl.erlang.dist.ProbeError;
import dev.clusterctl.erlang.dist.ProbeResult;
import dev.clusterctl.erlang.dist.ProbeTarget;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

/** A prober whose answers the test sets per node: joinable unless told otherwise. */
final class FakeProbes implements PeerProber {

  private final Map<String, String> announced = new ConcurrentHashMap<>();
  private final Map<String, List<String>> nodes = new ConcurrentHashMap<>();
  private final Map<String, Boolean> dead = new ConcurrentHashMap<>();

  /** The node {@code name} announces itself as {@code as}. */
  FakeProbes announce(String name, String as) {
    announced.put(name, as);
    return this;
  }

  /** The node {@code name} is down (connection refused) or up again. */
  FakeProbes dead(String name, boolean isDead) {
    dead.put(name, isDead);
    return this;
  }

  /** The node {@code name} says it is connected to {@code seen}. */
  FakeProbes sees(String name, String... seen) {
    nodes.put(name, List.of(seen));
    return this;
  }

  @Override
  public List<ProbeResult> probe(List<Peer> peers) {
    return peers.stream().map(this::result).toList();
  }

  private ProbeResult result(Peer p) {
    ProbeTarget t = ProbeTarget.of(p.nodeName()).withPort(4370);
    if (dead.getOrDefault(p.nodeName(), false)) {
      return new ProbeResult(t, Optional.of(p.host()), PortSource.FIXED, OptionalInt.of(4370), Optional.empty(),
          Optional.empty(), Optional.empty(), CookieCheck.NOT_TESTED, 0, Optional.empty(), Optional.empty(),
          Optional.of(new ProbeError(ProbeError.Kind.CONNECTION_REFUSED, "node at " + p.host() + ":4370: connection refused")),
          Duration.ofMillis(1));
    }
    return new ProbeResult(t, Optional.of(p.host()), PortSource.FIXED, OptionalInt.of(4370), Optional.empty(),
        Optional.of(HandshakeStatus.OK), Optional.of(announced.getOrDefault(p.nodeName(), p.nodeName())),
        CookieCheck.ACCEPTED, 0, Optional.ofNullable(nodes.get(p.nodeName())), Optional.empty(), Optional.empty(),
        Duration.ofMillis(1));
  }
}
