package dev.clusterctl.discovery;

import dev.clusterctl.dns.QueryType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Record;
import org.xbill.DNS.SRVRecord;

/**
 * libcluster's {@code Cluster.Strategy.Kubernetes.DNSSRV}: {@code :inet_res.getbyname(name, :srv)}
 * with {@code name = "<service>.<namespace>.svc." <> System.get_env("CLUSTER_DOMAIN", "cluster.local.")}:
 * with the default cluster domain the name ends with a dot, so it is asked once, as-is, no search
 * list. Each target is named {@code app@target}; nodes missing from the latest answer are disconnected.
 */
public record LibclusterKubernetesDnsSrv() implements DiscoveryLibrary {

  @Override
  public Strategy strategy() {
    return Strategy.LIBCLUSTER_DNSSRV;
  }

  @Override
  public String module() {
    return "libcluster Cluster.Strategy.Kubernetes.DNSSRV";
  }

  @Override
  public List<QueryType> types() {
    return List.of(QueryType.SRV);
  }

  @Override
  public NameForm nameForm() {
    return NameForm.ABSOLUTE;
  }

  /** The name with its root dot: libcluster's default {@code CLUSTER_DOMAIN} is {@code cluster.local.}. */
  @Override
  public String askedName(String domain) {
    return domain.endsWith(".") ? domain : domain + ".";
  }

  @Override
  public String call(String name, QueryType t) {
    return ":inet_res.getbyname('" + askedName(name) + "', :srv)";
  }

  @Override
  public boolean disconnectsMissing() {
    return true;
  }

  @Override
  public HostType hostType() {
    return HostType.HOSTNAME;
  }

  @Override
  public Derivation derive(List<Record> records, boolean viaCname, Map<String, TargetAddresses> targets,
      Map<String, ReverseName> reverse, Optional<String> basename) {
    Naming n = new Naming(basename);
    for (SRVRecord srv : dev.clusterctl.dns.Answers.srv(records)) {
      if (Naming.isRoot(srv)) {
        n.gap(Naming.srvFrom(srv), Naming.rootReason("libcluster"));
        continue;
      }
      String target = Naming.target(srv);
      DerivedNode node = DerivedNode.of(target, Naming.srvFrom(srv), basename);
      TargetAddresses ta = targets.get(target);
      if (ta != null && ta.addresses().isEmpty()) {
        node = node.withProblem(new dev.clusterctl.erlang.NodeName.Problem("host-no-address",
            "the SRV target has no address" + Naming.followUpStatus(ta) + ": connecting to this node fails"));
      }
      n.add(node);
    }
    return n.done("libcluster's Cluster.Strategy.Kubernetes.DNSSRV", "String.to_atom/1",
        "SystemLimitError (system_limit)", "");
  }
}
