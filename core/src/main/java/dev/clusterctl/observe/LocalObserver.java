package dev.clusterctl.observe;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.gather.LiveAccess;
import dev.clusterctl.gather.LocalPod;
import dev.clusterctl.gather.Observation;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observe step of {@code doctor --local}: this pod as it sees itself (host name, FQDN,
 * address) and its own resolver's answer to the discovery query. What only the API shows (other
 * pods, endpoints, CoreDNS, policies) is unavailable, with that reason.
 */
final class LocalObserver implements LiveObserver {

  private static final String NOT_IN_POD = "not visible from inside a pod (--local): run doctor against the API";

  private final LiveAccess.Pod access;

  LocalObserver(LiveAccess.Pod access) {
    this.access = access;
  }

  @Override
  public Observed observe(ClusterModel model) {
    LocalPod pod = access.pod();
    LocalPod.Fqdn fqdn = access.fqdn();
    String ip = pod.env().getOrDefault("POD_IP", fqdn.address());
    ObservedPod self = new ObservedPod(pod.hostname(), ip, "Running", true, Map.of(), null, null, Optional.of(fqdn.name()));
    return new Observed("this pod", true, List.of(self), "in this pod: " + fqdn.how(),
        Observation.unavailable(NOT_IN_POD), Observation.unavailable(NOT_IN_POD), Observation.unavailable(NOT_IN_POD), "", askDns(model));
  }

  private Observation<DnsObservation> askDns(ClusterModel model) {
    Optional<Discovery.Dns> d = model.release().discovery().filter(Discovery.Dns.class::isInstance).map(Discovery.Dns.class::cast);
    if (d.isEmpty()) {
      return Observation.unavailable("discovery is not DNS-based or unknown (the release's sys.config, or --strategy)");
    }
    LocalPod pod = access.pod();
    ResolvConf conf = Files.isRegularFile(pod.resolvConf()) ? ResolvConf.read(pod.resolvConf()) : ResolvConf.empty(pod.resolvConf().toString());
    DnsConfig config = DnsConfig.from(conf).withSearchMode(SearchMode.ERLANG);
    String where = "the pod's resolver " + conf.nameservers();
    if (access.servers().isPresent()) {
      config = config.withServers(access.servers().get());
      where = access.servers().get().toString() + " with the pod's search list";
    }
    if (config.servers().isEmpty()) {
      return Observation.unavailable("no nameserver in " + pod.resolvConf());
    }
    return DnsAsk.ask(config, d.get().query(), d.get().recordType().name(), where, access.dnsWaits());
  }
}
