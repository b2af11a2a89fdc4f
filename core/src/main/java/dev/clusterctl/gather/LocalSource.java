package dev.clusterctl.gather;

import dev.clusterctl.dns.WaitListener;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.util.ArrayList;
import dev.clusterctl.release.ReleaseFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code doctor --local}: the pod the doctor runs in is the source. Its release files are the
 * model's inputs; the pod itself (host name, FQDN, address) and the answer of its own resolver are
 * observed afterwards. No Kubernetes objects are read.
 */
public final class LocalSource implements Source {

  private final LocalPod pod;
  private final Optional<List<InetSocketAddress>> servers;
  private final WaitListener dnsWaits;

  /** A source reading {@code pod}; {@code servers} ({@code --nameserver}) replace its resolver's servers. */
  public LocalSource(LocalPod pod, Optional<List<InetSocketAddress>> servers) {
    this(pod, servers, WaitListener.NONE);
  }

  /** As {@link #LocalSource(LocalPod, Optional)}, telling {@code dnsWaits} as each wait of the discovery query starts and ends. */
  public LocalSource(LocalPod pod, Optional<List<InetSocketAddress>> servers, WaitListener dnsWaits) {
    this.pod = pod;
    this.servers = servers;
    this.dnsWaits = dnsWaits;
  }

  @Override
  public Gathered gather() {
    List<String> inputs = new ArrayList<>();
    Optional<String> sysPath = pod.sysConfig().or(() -> pod.releaseFile("sys.config").map(Object::toString));
    Optional<String> vmPath = pod.vmArgs().or(() -> pod.releaseFile("vm.args", "vm.args.src").map(Object::toString));
    Optional<SysConfig> sys = sysPath.map(p -> TextFile.read(p, "sys.config", SysConfig::parse));
    Optional<VmArgs> vm = vmPath.map(p -> TextFile.read(p, "vm.args", VmArgs::parse));
    LocalPod.Fqdn fqdn = pod.fqdn();
    inputs.add("this pod: hostname " + pod.hostname() + ", FQDN " + fqdn.name() + " (" + fqdn.how() + ")");
    inputs.add("/etc/hosts " + (Files.isRegularFile(pod.hostsFile()) ? pod.hostsFile() : "(missing)"));
    inputs.add("resolv.conf " + (Files.isRegularFile(pod.resolvConf()) ? pod.resolvConf() : "(missing)"));
    Map<String, String> env = pod.shownEnv();
    inputs.add("environment: " + (env.isEmpty() ? "(no POD_IP, NODE_HOST, ERL_DIST_PORT or RELEASE_*)" : env));
    inputs.add("sys.config " + sysPath.orElse("(not found: give --release-dir or --sys-config)"));
    inputs.add("vm.args " + vmPath.orElse("(not found: give --release-dir or --vm-args)"));
    return new Gathered(List.of(), Optional.empty(), sys, vm, ReleaseFiles.none(), inputs, Optional.empty(), Optional.of(new LiveAccess.Pod(pod, fqdn, servers, dnsWaits)));
  }
}
