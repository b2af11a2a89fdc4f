package dev.clusterctl.judge;

import dev.clusterctl.discovery.HostType;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.erlang.NodeName;
import dev.clusterctl.expect.Expectation;
import dev.clusterctl.expect.PeerRow;
import dev.clusterctl.expect.Simulation;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.observe.Observed;
import java.util.Optional;

/**
 * What every check reads: the model and its simulation, computed once.
 *
 * @param model the deployment as understood
 * @param sim the simulation of CoreDNS and of the pods' names
 * @param observed what a live source saw; empty when the doctor reads files
 */
public record DoctorContext(ClusterModel model, Simulation sim, Optional<Observed> observed) {

  /** The context for {@code model} read from files, simulating it. */
  public static DoctorContext of(ClusterModel model) {
    return of(model, Optional.empty());
  }

  /** The context for {@code model} and what was observed, simulating the model. */
  public static DoctorContext of(ClusterModel model, Optional<Observed> observed) {
    return new DoctorContext(model, Expectation.simulate(model), observed);
  }

  /** The headless service, when found. */
  public Optional<ServiceInfo> service() {
    return model.service();
  }

  /** The workload, when found. */
  public Optional<WorkloadInfo> workload() {
    return model.workload();
  }

  /** The DNS discovery setting, when discovery is DNS-based. */
  public Optional<Discovery.Dns> dns() {
    return model.release().discovery().filter(Discovery.Dns.class::isInstance).map(Discovery.Dns.class::cast);
  }

  /** True when peers put a host name (SRV target or PTR name) after the {@code @}, not an address. */
  public boolean peersUseHostNames() {
    return dns()
        .map(d -> d.hostType() == HostType.HOSTNAME && (d.strategy() == Strategy.GEN_CLUSTER || d.strategy() == Strategy.LIBCLUSTER_DNSSRV))
        .orElse(false);
  }

  /** True when the pods name themselves after a host name rather than an address. */
  public boolean selfUsesHostName() {
    if (model.release().naming().filter(n -> !n.problems().isEmpty()).isPresent()) {
      return false; // the start scripts stop: no node starts, so its name asks nothing of the pods
    }
    for (PeerRow r : sim.rows()) {
      if (r.self() != null) {
        String host = NodeName.parse(r.self().name()).host();
        return host != null && !NodeName.isAddress(host);
      }
    }
    return false;
  }

  /** True when the discovery query is for SRV records. */
  public boolean srvDiscovery() {
    return dns().map(d -> d.recordType() == QueryType.SRV).orElse(false);
  }

  /** The {@code _name._proto} of an SRV query ({@code [dist-erl, tcp]}), when it has one. */
  public Optional<String[]> srvPortLabels() {
    return dns().filter(d -> d.recordType() == QueryType.SRV).flatMap(d -> {
      String[] labels = d.query().split("\\.");
      if (labels.length >= 2 && labels[0].startsWith("_") && labels[1].startsWith("_")) {
        return Optional.of(new String[] {labels[0].substring(1), labels[1].substring(1)});
      }
      return Optional.empty();
    });
  }

  /** The service name to show in messages: the one found, else the one asked for. */
  public String serviceName() {
    return service().map(ServiceInfo::name).orElse(model.serviceWanted());
  }
}
