package dev.clusterctl.doctor;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.observe.DnsAsk;
import dev.clusterctl.observe.DnsObservation;
import dev.clusterctl.observe.LiveObserver;
import dev.clusterctl.observe.Observation;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.observe.ObservedPod;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor --local}: the pod the doctor runs in is the source. Its release files are the
 * model's inputs; the pod itself (host name, FQDN, address) and the answer of its own resolver to
 * the discovery query are what is observed. Checks that need the Kubernetes objects skip.
 */
public final class LocalDoctor {

  private static final String NOT_IN_POD = "not visible from inside a pod (--local): run doctor against the API";

  private LocalDoctor() {}

  /** Reads {@code pod}, asks its resolver (or {@code servers} with its search list), runs {@code checks}. */
  public static Report run(LocalPod pod, Optional<List<InetSocketAddress>> servers, TargetOptions options, List<Check> checks) {
    return Doctor.diagnose(gather(pod, servers), options, checks);
  }

  /** What {@code --local} gathers. */
  static Gathered gather(LocalPod pod, Optional<List<InetSocketAddress>> servers) {
    List<String> inputs = new ArrayList<>();
    Optional<String> sysPath = pod.sysConfig().or(() -> pod.releaseFile("sys.config").map(Object::toString));
    Optional<String> vmPath = pod.vmArgs().or(() -> pod.releaseFile("vm.args", "vm.args.src").map(Object::toString));
    Optional<SysConfig> sys = sysPath.map(p -> FileSource.read(p, "sys.config", SysConfig::parse));
    Optional<VmArgs> vm = vmPath.map(p -> FileSource.read(p, "vm.args", VmArgs::parse));
    LocalPod.Fqdn fqdn = pod.fqdn();
    inputs.add("this pod: hostname " + pod.hostname() + ", FQDN " + fqdn.name() + " (" + fqdn.how() + ")");
    inputs.add("/etc/hosts " + (Files.isRegularFile(pod.hostsFile()) ? pod.hostsFile() : "(missing)"));
    inputs.add("resolv.conf " + (Files.isRegularFile(pod.resolvConf()) ? pod.resolvConf() : "(missing)"));
    Map<String, String> env = pod.shownEnv();
    inputs.add("environment: " + (env.isEmpty() ? "(no POD_IP, NODE_HOST, ERL_DIST_PORT or RELEASE_*)" : env));
    inputs.add("sys.config " + sysPath.orElse("(not found: give --release-dir or --sys-config)"));
    inputs.add("vm.args " + vmPath.orElse("(not found: give --release-dir or --vm-args)"));
    String ip = pod.env().getOrDefault("POD_IP", fqdn.address());
    ObservedPod self = new ObservedPod(pod.hostname(), ip, "Running", true, Map.of(), null, null, Optional.of(fqdn.name()));
    LiveObserver observer = model -> new Observed("this pod", true, List.of(self), "in this pod: " + fqdn.how(),
        Observation.unavailable(NOT_IN_POD), Observation.unavailable(NOT_IN_POD), Observation.unavailable(NOT_IN_POD), "", askDns(pod, servers, model));
    return new Gathered(List.of(), Optional.empty(), sys, vm, inputs, Optional.of(observer));
  }

  private static Observation<DnsObservation> askDns(LocalPod pod, Optional<List<InetSocketAddress>> servers, ClusterModel model) {
    Optional<Discovery.Dns> d = model.release().discovery().filter(Discovery.Dns.class::isInstance).map(Discovery.Dns.class::cast);
    if (d.isEmpty()) {
      return Observation.unavailable("discovery is not DNS-based or unknown (the release's sys.config, or --strategy)");
    }
    ResolvConf conf = Files.isRegularFile(pod.resolvConf()) ? ResolvConf.read(pod.resolvConf()) : ResolvConf.empty(pod.resolvConf().toString());
    DnsConfig config = DnsConfig.from(conf).withSearchMode(SearchMode.ERLANG);
    String where = "the pod's resolver " + conf.nameservers();
    if (servers.isPresent()) {
      config = config.withServers(servers.get());
      where = servers.get().toString() + " with the pod's search list";
    }
    if (config.servers().isEmpty()) {
      return Observation.unavailable("no nameserver in " + pod.resolvConf());
    }
    return DnsAsk.ask(config, d.get().query(), d.get().recordType().name(), where);
  }
}
