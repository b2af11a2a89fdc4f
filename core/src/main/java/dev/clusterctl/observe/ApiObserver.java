package dev.clusterctl.observe;

import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.SearchMode;
import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.KubeApi;
import dev.clusterctl.gather.LiveAccess;
import dev.clusterctl.gather.Observation;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The observe step against the API: the pods the service selects, its EndpointSlices, the CoreDNS
 * pods, the namespace's NetworkPolicies (one list each, whatever the number of pods), then
 * {@code hostname --fqdn} in each pod with {@code --exec}, and the discovery query.
 */
final class ApiObserver implements LiveObserver {

  private static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

  private final KubeApi api;
  private final ApiInputs in;
  private final Observation<Optional<ConfigMap>> coredns;

  ApiObserver(LiveAccess.Api access) {
    this.api = access.api();
    this.in = access.inputs();
    this.coredns = access.coredns();
  }

  @Override
  public Observed observe(ClusterModel model) {
    String ns = model.namespace();
    Map<String, String> selector = model.service().map(s -> s.selector()).filter(s -> !s.isEmpty())
        .or(() -> model.workload().map(w -> w.template().labels())).orElse(Map.of());
    Observation<List<ObservedPod>> pods = selector.isEmpty()
        ? Observation.unavailable("no service selector or workload to find the pods by")
        : api.read("list", "pods", ns, () -> api.client().pods().inNamespace(ns).withLabels(selector).list().getItems()).map(ApiObserver::pods);
    String fqdnHow = "computed from the spec (no --exec)";
    List<ObservedPod> seenPods = pods.value().orElse(List.of());
    if (in.exec() && !seenPods.isEmpty()) {
      String container = model.workload().map(w -> w.template().release().name()).orElse(null);
      List<String> names = seenPods.stream().filter(p -> "Running".equals(p.phase())).map(ObservedPod::name).toList();
      Map<String, PodExec.Outcome> outcomes = PodExec.outcomes(api, ns, names, container, List.of("hostname", "--fqdn"), in.execConcurrency(), in.progress());
      seenPods = seenPods.stream().map(p -> outcomes.containsKey(p.name()) && outcomes.get(p.name()).answered() ? p.withFqdn(outcomes.get(p.name()).line()) : p).toList();
      long answered = outcomes.values().stream().filter(PodExec.Outcome::answered).count();
      long failed = seenPods.size() - answered;
      long notRunning = seenPods.size() - names.size();
      String why = PodExec.summary(outcomes) + (notRunning == 0 ? "" : (outcomes.size() == answered ? "" : "; ") + "not running (" + notRunning + (notRunning == 1 ? " pod)" : " pods)"));
      fqdnHow = "from exec in " + answered + " pods" + (failed == 0 ? "" : "; computed from the spec for " + failed + " where exec failed or the pod is not running: " + why);
    }
    Observation<List<ObservedEndpoint>> endpoints = model.service().isEmpty()
        ? Observation.unavailable("no service, so no endpoints")
        : api.read("list", "endpointslices.discovery.k8s.io", ns, () -> api.client().discovery().v1().endpointSlices().inNamespace(ns)
            .withLabel(SERVICE_NAME_LABEL, model.service().get().name()).list().getItems()).map(ApiObserver::endpoints);
    Observation<List<Pod>> corednsPods = api.read("list", "pods", KubeApi.KUBE_SYSTEM,
        () -> api.client().pods().inNamespace(KubeApi.KUBE_SYSTEM).withLabel("k8s-app", "kube-dns").list().getItems());
    Observation<CorednsState> state = corednsState(corednsPods);
    Observation<List<NetworkPolicy>> policies = api.read("list", "networkpolicies.networking.k8s.io", ns,
        () -> api.client().network().v1().networkPolicies().inNamespace(ns).list().getItems());
    Observation<DnsObservation> dns = askDns(model, corednsPods);
    return new Observed("API " + api.server(), false, seenPods, fqdnHow, endpoints, state, policies, pods.seen() ? "" : pods.missing(), dns);
  }

  private static List<ObservedPod> pods(List<Pod> items) {
    List<ObservedPod> out = new ArrayList<>();
    for (Pod p : items) {
      boolean ready = p.getStatus() != null && p.getStatus().getConditions() != null
          && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
      String ip = p.getStatus() == null ? null : p.getStatus().getPodIP();
      String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
      Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
      out.add(new ObservedPod(p.getMetadata().getName(), ip, phase, ready, labels, p.getSpec().getHostname(), p.getSpec().getSubdomain(), Optional.empty()));
    }
    return out;
  }

  private static List<ObservedEndpoint> endpoints(List<EndpointSlice> slices) {
    List<ObservedEndpoint> out = new ArrayList<>();
    for (EndpointSlice s : slices) {
      if (s.getEndpoints() == null) {
        continue;
      }
      for (Endpoint e : s.getEndpoints()) {
        if (e.getAddresses() == null || e.getAddresses().isEmpty()) {
          continue;
        }
        var c = e.getConditions();
        boolean ready = c == null || c.getReady() == null || c.getReady();
        boolean serving = c == null || c.getServing() == null ? ready : c.getServing();
        boolean terminating = c != null && Boolean.TRUE.equals(c.getTerminating());
        String pod = e.getTargetRef() != null && "Pod".equals(e.getTargetRef().getKind()) ? e.getTargetRef().getName() : null;
        out.add(new ObservedEndpoint(e.getAddresses().get(0), e.getHostname(), pod, ready, serving, terminating));
      }
    }
    return out;
  }

  private Observation<CorednsState> corednsState(Observation<List<Pod>> pods) {
    if (!coredns.seen()) {
      return Observation.unavailable(coredns.missing());
    }
    if (coredns.get().isEmpty()) {
      return Observation.unavailable("no ConfigMap kube-system/coredns");
    }
    if (!pods.seen()) {
      return Observation.unavailable(pods.missing());
    }
    ConfigMap cm = coredns.get().get();
    Instant changed = null;
    String how = "managedFields";
    if (cm.getMetadata().getManagedFields() != null) {
      for (ManagedFieldsEntry m : cm.getMetadata().getManagedFields()) {
        if (m.getTime() != null) {
          Instant t = Instant.parse(m.getTime());
          changed = changed == null || t.isAfter(changed) ? t : changed;
        }
      }
    }
    if (changed == null) {
      if (cm.getMetadata().getCreationTimestamp() == null) {
        return Observation.unavailable("the coredns ConfigMap has neither managedFields nor a creation time");
      }
      changed = Instant.parse(cm.getMetadata().getCreationTimestamp());
      how = "creationTimestamp";
    }
    List<CorednsState.CorednsPod> started = new ArrayList<>();
    for (Pod p : pods.get()) {
      String t = p.getStatus() == null ? null : p.getStatus().getStartTime();
      started.add(new CorednsState.CorednsPod(p.getMetadata().getName(), t == null ? null : Instant.parse(t)));
    }
    return Observation.of(new CorednsState(changed, how, started));
  }

  private Observation<DnsObservation> askDns(ClusterModel model, Observation<List<Pod>> corednsPods) {
    Optional<Discovery.Dns> d = model.release().discovery().filter(Discovery.Dns.class::isInstance).map(Discovery.Dns.class::cast);
    if (d.isEmpty()) {
      return Observation.unavailable("discovery is not DNS-based or unknown (give --sys-config or --strategy)");
    }
    String query = d.get().query();
    String type = d.get().recordType().name();
    List<String> search = ResolvConf.podSearch(model.namespace(), model.clusterDomain());
    DnsWhere where = in.dns();
    switch (where.mode()) {
      case NAMESERVERS -> {
        String servers = where.servers().stream().map(a -> a.getHostString() + ":" + a.getPort()).collect(java.util.stream.Collectors.joining(", "));
        return DnsAsk.ask(config(where.servers(), false, search), query, type, servers, in.dnsWaits());
      }
      case RESOLV_CONF -> {
        ResolvConf conf = ResolvConf.read(where.resolvConf());
        return DnsAsk.ask(DnsConfig.from(conf).withSearchMode(SearchMode.ERLANG), query, type, "the pod's resolver " + conf.nameservers(), in.dnsWaits());
      }
      case PORT_FORWARD -> {
        return portForward(corednsPods, query, type, search);
      }
      default -> {
        return Observation.unavailable("no DNS server to ask from here: give --nameserver or --dns-port-forward");
      }
    }
  }

  private Observation<DnsObservation> portForward(Observation<List<Pod>> corednsPods, String query, String type, List<String> search) {
    if (!corednsPods.seen()) {
      return Observation.unavailable("--dns-port-forward: " + corednsPods.missing());
    }
    Optional<Pod> pod = corednsPods.get().stream().filter(p -> p.getStatus() != null && "Running".equals(p.getStatus().getPhase())).findFirst();
    if (pod.isEmpty()) {
      return Observation.unavailable("--dns-port-forward: no running CoreDNS pod in kube-system (label k8s-app=kube-dns)");
    }
    String name = pod.get().getMetadata().getName();
    Observation<LocalPortForward> pf = api.read("create", "pods/portforward", KubeApi.KUBE_SYSTEM,
        () -> api.client().pods().inNamespace(KubeApi.KUBE_SYSTEM).withName(name).portForward(53));
    if (!pf.seen()) {
      return Observation.unavailable(pf.missing());
    }
    try (LocalPortForward f = pf.get()) {
      InetSocketAddress local = new InetSocketAddress(f.getLocalAddress(), f.getLocalPort());
      String where = "port-forward to kube-system/" + name + " (tcp)";
      Observation<DnsObservation> answer = DnsAsk.ask(config(List.of(local), true, search).withLookupTimeout(Optional.of(api.timeout())), query, type, where, in.dnsWaits());
      if (!answer.seen() && f.errorOccurred()) {
        String error = f.getServerThrowables().stream().map(ApiObserver::forwardError).filter(m -> !m.isEmpty()).findFirst().orElse("the stream broke off");
        return Observation.unavailable("--dns-port-forward to kube-system/" + name + ": " + error);
      }
      return answer;
    } catch (IOException e) {
      return Observation.unavailable("--dns-port-forward to kube-system/" + name + ": " + e.getMessage());
    }
  }

  /** What went wrong on a port-forward, in words: a refused upgrade by its status, an error the pod's side sent by its first line. */
  private static String forwardError(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof io.fabric8.kubernetes.client.http.WebSocketHandshakeException h && h.getResponse() != null) {
        int code = h.getResponse().code();
        return code == 403 ? "forbidden: create pods/portforward in namespace kube-system (see docs/rbac.yaml)"
            : "the API server refused the port-forward (" + code + ")";
      }
    }
    String m = t.getMessage() == null ? "" : t.getMessage().strip().lines().findFirst().orElse("");
    return m.isEmpty() ? "" : "the API server reported: " + m;
  }

  private static DnsConfig config(List<InetSocketAddress> servers, boolean tcp, List<String> search) {
    return new DnsConfig(servers, tcp, Duration.ofSeconds(3), 2, SearchMode.ERLANG, search, ResolvConf.POD_NDOTS);
  }
}
