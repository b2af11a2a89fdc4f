package dev.clusterctl.expect;

import dev.clusterctl.coredns.EndpointName;
import dev.clusterctl.dns.QueryType;
import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.ContainerPort;
import dev.clusterctl.model.CorednsSettings;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.ServicePort;
import dev.clusterctl.model.WorkloadInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What CoreDNS's {@code kubernetes} plugin answers for the services among the inputs and the
 * example pods of the workload (rules in coredns/coredns plugin/kubernetes and the EndpointSlice
 * controller; see <a href="https://github.com/kubernetes/dns/blob/master/docs/specification.md">the
 * Kubernetes DNS specification</a>).
 */
public final class CorednsSimulator {

  private final CorednsSettings dns;
  private final List<ServiceInfo> services;
  private final List<WorkloadInfo> workloads;
  private final List<ExamplePod> pods;

  /** A simulator for {@code services}, with {@code pods} made from {@code workload} (may be {@code null}). */
  public CorednsSimulator(CorednsSettings dns, List<ServiceInfo> services, WorkloadInfo workload, List<ExamplePod> pods) {
    this(dns, services, workload == null ? List.of() : List.of(workload), pods);
  }

  /**
   * A simulator for {@code services}, with {@code pods} made from {@code workloads} (each pod names
   * its workload; a pod naming none belongs to the first).
   */
  public CorednsSimulator(CorednsSettings dns, List<ServiceInfo> services, List<WorkloadInfo> workloads, List<ExamplePod> pods) {
    this.dns = dns;
    this.services = List.copyOf(services);
    this.workloads = List.copyOf(workloads);
    this.pods = List.copyOf(pods);
  }

  /** The workload {@code p} belongs to, or {@code null} when none is simulated. */
  private WorkloadInfo workloadOf(ExamplePod p) {
    if (workloads.isEmpty()) {
      return null;
    }
    return workloads.stream().filter(w -> w.subject().equals(p.workload())).findFirst().orElse(workloads.get(0));
  }

  /**
   * The endpoints of {@code svc}: one per selected pod that is published
   * ({@code publishNotReadyAddresses || ready}), named by CoreDNS's {@code endpointHostname} rules.
   */
  public List<Endpoint> endpoints(ServiceInfo svc) {
    List<Endpoint> out = new ArrayList<>();
    for (ExamplePod p : pods) {
      WorkloadInfo w = workloadOf(p);
      if (!svc.selects(w)) {
        continue;
      }
      if (!svc.publishNotReadyAddresses() && !p.ready()) {
        continue;
      }
      // the EndpointSlice controller sets the endpoint's hostname only for a pod with a hostname whose subdomain is the service
      String hostname = p.specHostname() != null && svc.name().equals(p.specSubdomain()) ? p.specHostname() : null;
      EndpointName name = EndpointName.of(hostname, p.name(), p.ip(), dns.endpointPodNames());
      out.add(new Endpoint(p, name.label(), name.rule().words(), resolvePorts(svc, w)));
    }
    return out;
  }

  /** The pod port each service port resolves to; a named target port the pod lacks is left out, as the EndpointSlice controller does. */
  private static Map<String, Integer> resolvePorts(ServiceInfo svc, WorkloadInfo workload) {
    Map<String, Integer> ports = new LinkedHashMap<>();
    for (ServicePort sp : svc.ports()) {
      String key = sp.name() == null ? "" : sp.name();
      if (!sp.targetPort().isNamed()) {
        ports.put(key, sp.targetPort().number());
        continue;
      }
      for (ContainerInfo c : workload.template().containers()) {
        Optional<ContainerPort> cp = c.port(sp.targetPort().name()).filter(x -> x.protocol().equalsIgnoreCase(sp.protocol()));
        if (cp.isPresent()) {
          ports.put(key, cp.get().port());
          break;
        }
      }
    }
    return ports;
  }

  /** The answer to {@code type} for {@code fqdn} (with or without a trailing dot). */
  public DnsAnswer answer(String fqdn, QueryType type) {
    String name = fqdn.endsWith(".") ? fqdn.substring(0, fqdn.length() - 1) : fqdn;
    String zone = dns.zoneFor(name);
    if (zone == null || zone.equals(".")) {
      return DnsAnswer.empty(name, type, Rcode.NOT_IN_CLUSTER_ZONE, "outside the kubernetes plugin's zones " + dns.zones());
    }
    String rest = name.length() == zone.length() ? "" : name.substring(0, name.length() - zone.length() - 1);
    String[] labels = rest.isEmpty() ? new String[0] : rest.split("\\.");
    int n = labels.length;
    if (n < 3 || !labels[n - 1].equalsIgnoreCase("svc")) {
      return DnsAnswer.empty(name, type, Rcode.NXDOMAIN, "not a service name <svc>.<ns>.svc." + zone);
    }
    String ns = labels[n - 2];
    String svcName = labels[n - 3];
    Optional<ServiceInfo> found =
        services.stream().filter(s -> s.name().equalsIgnoreCase(svcName) && s.namespace().equalsIgnoreCase(ns)).findFirst();
    if (found.isEmpty()) {
      return DnsAnswer.empty(name, type, Rcode.NXDOMAIN, "no Service " + ns + "/" + svcName + " among the inputs");
    }
    ServiceInfo svc = found.get();
    String svcFqdn = svc.name() + "." + svc.namespace() + ".svc." + zone;
    int extra = n - 3;
    if (extra == 2 && labels[0].startsWith("_") && labels[1].startsWith("_")) {
      if (type != QueryType.SRV) {
        return DnsAnswer.empty(name, type, Rcode.NODATA, "a _port._proto name has only SRV records");
      }
      return srv(svc, svcFqdn, name, labels[0].substring(1), labels[1].substring(1));
    }
    if (extra == 1) {
      return endpointAddress(svc, svcFqdn, name, labels[0], type);
    }
    if (extra != 0) {
      return DnsAnswer.empty(name, type, Rcode.NXDOMAIN, "no such name under " + svcFqdn);
    }
    return type == QueryType.SRV ? srv(svc, svcFqdn, name, null, null) : serviceAddresses(svc, name, type);
  }

  /** The PTR name CoreDNS gives {@code ip}: the endpoint's name under its headless service, if it serves reverse zones. */
  public Optional<String> ptr(String ip) {
    if (!dns.servesReverseV4()) {
      return Optional.empty();
    }
    String zone = dns.forwardZone();
    for (ServiceInfo svc : services) {
      if (!svc.headless()) {
        continue;
      }
      for (Endpoint e : endpoints(svc)) {
        if (e.pod().ip().equals(ip)) {
          return Optional.of(e.name() + "." + svc.name() + "." + svc.namespace() + ".svc." + zone);
        }
      }
    }
    return Optional.empty();
  }

  private DnsAnswer serviceAddresses(ServiceInfo svc, String name, QueryType type) {
    if (!svc.headless()) {
      if (type == QueryType.AAAA) {
        return DnsAnswer.empty(name, type, Rcode.NODATA, "the example cluster IP is IPv4");
      }
      return new DnsAnswer(name, type, Rcode.NOERROR, List.of(), List.of(new AddressRecord(clusterIp(svc), null)), dns.ttl(), "");
    }
    List<AddressRecord> out = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    List<Endpoint> eps = endpoints(svc);
    for (Endpoint e : eps) {
      if (isV6(e.pod().ip()) == (type == QueryType.AAAA) && seen.add(e.pod().ip())) {
        out.add(new AddressRecord(e.pod().ip(), e.pod().name()));
      }
    }
    if (out.isEmpty()) {
      return eps.isEmpty()
          ? DnsAnswer.empty(name, type, Rcode.NXDOMAIN, noEndpointsWhy(svc))
          : DnsAnswer.empty(name, type, Rcode.NODATA, "the endpoints have no " + (type == QueryType.AAAA ? "IPv6" : "IPv4") + " address");
    }
    return new DnsAnswer(name, type, Rcode.NOERROR, List.of(), out, dns.ttl(), "");
  }

  private DnsAnswer endpointAddress(ServiceInfo svc, String svcFqdn, String name, String label, QueryType type) {
    if (!svc.headless()) {
      return DnsAnswer.empty(name, type, Rcode.NXDOMAIN, svc.name() + " is not headless: it has no per-pod names");
    }
    for (Endpoint e : endpoints(svc)) {
      if (e.name().equalsIgnoreCase(label)) {
        if (type == QueryType.SRV || isV6(e.pod().ip()) != (type == QueryType.AAAA)) {
          return DnsAnswer.empty(name, type, Rcode.NODATA, "the endpoint has an " + (isV6(e.pod().ip()) ? "AAAA" : "A") + " record only");
        }
        return new DnsAnswer(name, type, Rcode.NOERROR, List.of(), List.of(new AddressRecord(e.pod().ip(), e.pod().name())), dns.ttl(), "");
      }
    }
    return DnsAnswer.empty(name, type, Rcode.NXDOMAIN, "no endpoint of " + svcFqdn + " is named " + label);
  }

  private DnsAnswer srv(ServiceInfo svc, String svcFqdn, String name, String portName, String proto) {
    List<ServicePort> ports = svc.ports().stream().filter(p -> portName == null || matches(p, portName, proto)).toList();
    if (svc.ports().isEmpty()) {
      return DnsAnswer.empty(name, QueryType.SRV, Rcode.NODATA, svc.name() + " has no ports, so no SRV records");
    }
    if (ports.isEmpty()) {
      return DnsAnswer.empty(name, QueryType.SRV, Rcode.NXDOMAIN, svc.name() + " has no " + proto.toUpperCase(Locale.ROOT) + " port named " + portName);
    }
    if (!svc.headless()) {
      int w = 100;
      List<SrvRecord> recs = new ArrayList<>();
      for (ServicePort p : ports) {
        recs.add(new SrvRecord(0, w, p.port(), svcFqdn, null));
      }
      return new DnsAnswer(name, QueryType.SRV, Rcode.NOERROR, recs, List.of(), dns.ttl(), "");
    }
    List<Endpoint> eps = endpoints(svc);
    List<SrvRecord> recs = new ArrayList<>();
    int count = 0;
    List<String[]> raw = new ArrayList<>();
    for (Endpoint e : eps) {
      for (ServicePort p : ports) {
        Integer port = e.ports().get(p.name() == null ? "" : p.name());
        if (port != null) {
          count++;
          raw.add(new String[] {e.name() + "." + svcFqdn, Integer.toString(port), e.pod().name()});
        }
      }
    }
    if (raw.isEmpty()) {
      return DnsAnswer.empty(name, QueryType.SRV, Rcode.NXDOMAIN, eps.isEmpty() ? noEndpointsWhy(svc) : "no pod has the port's targetPort " + ports.get(0).targetPort());
    }
    int weight = Math.max(1, 100 / count);
    Set<String> seen = new LinkedHashSet<>();
    for (String[] r : raw) {
      if (seen.add(r[0].toLowerCase(Locale.ROOT) + ":" + r[1])) {
        recs.add(new SrvRecord(0, weight, Integer.parseInt(r[1]), r[0], r[2]));
      }
    }
    return new DnsAnswer(name, QueryType.SRV, Rcode.NOERROR, recs, List.of(), dns.ttl(), "");
  }

  private String noEndpointsWhy(ServiceInfo svc) {
    if (svc.selector().isEmpty()) {
      return svc.name() + " has no selector";
    }
    if (workloads.stream().noneMatch(svc::selects)) {
      return svc.name() + "'s selector matches no pod among the inputs";
    }
    return "no pod is Ready and publishNotReadyAddresses is off";
  }

  private static boolean matches(ServicePort p, String portName, String proto) {
    return p.name() != null && p.name().equalsIgnoreCase(portName) && p.protocol().equalsIgnoreCase(proto);
  }

  private static String clusterIp(ServiceInfo svc) {
    return svc.clusterIP() == null || svc.clusterIP().isEmpty() ? "10.96.0.100" : svc.clusterIP();
  }

  /** True for an IPv6 address. */
  static boolean isV6(String ip) {
    return ip.indexOf(':') >= 0;
  }

}
