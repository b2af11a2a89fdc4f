package dev.clusterctl.discovery;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.NodeName;
import java.util.List;
import java.util.Optional;

/**
 * A node name a discovery library would derive, and why Erlang might refuse it.
 *
 * @param host the host part (an address or a host name without trailing dot)
 * @param from the answer it came from ({@code A 10.0.0.1}, {@code SRV ledger-0.ledger.ns.svc.cluster.local}, …)
 * @param name {@code basename@host}, when the basename is known
 * @param problems what Erlang refuses in this name as a long name ({@link NodeName#problems(NameMode)})
 */
public record DerivedNode(String host, String from, Optional<NodeName> name, List<NodeName.Problem> problems) {

  /** Copies the problem list. */
  public DerivedNode {
    problems = List.copyOf(problems);
  }

  /** The node for {@code host}, checked against Erlang's long-name rules. */
  public static DerivedNode of(String host, String from, Optional<String> basename) {
    Optional<NodeName> name = basename.map(b -> new NodeName(b, host));
    List<NodeName.Problem> problems = name.orElseGet(() -> new NodeName("node", host)).problems(NameMode.LONG);
    return new DerivedNode(host, from, name, problems);
  }

  /** The node name, or {@code <basename>@host} when the basename is unknown. */
  public String display() {
    return name.map(NodeName::toString).orElse("<basename>@" + host);
  }
}
