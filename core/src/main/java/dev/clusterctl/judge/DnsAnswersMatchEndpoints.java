package dev.clusterctl.judge;

import dev.clusterctl.observe.DnsObservation;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.observe.ObservedEndpoint;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The real DNS answer to the discovery query lists exactly the service's ready endpoints. */
public final class DnsAnswersMatchEndpoints extends LiveCheck {

  /** The check. */
  public DnsAnswersMatchEndpoints() {
    super(
        "dns-answers-match-endpoints",
        Area.DNS,
        "The real DNS answer lists exactly the ready endpoints",
        "Peers are whatever the discovery query answers. Against a running cluster the query is asked for real "
            + "(`--nameserver`, the pod's resolver, or `--dns-port-forward` to a CoreDNS pod) and its hosts — SRV targets "
            + "or addresses — are compared with the names CoreDNS publishes for the service's ready endpoints "
            + "(EndpointSlices: the endpoint's hostname, the pod name with `endpoint_pod_names`, else the dashed IP). "
            + "Missing names are pods their peers never dial; extra names are pods that are gone or not ready, or "
            + "another configuration than the one judged. Inside a pod (`--local`) the endpoints are not visible: "
            + "an empty answer fails, otherwise the check skips.",
        "DNS");
  }

  @Override
  CheckResult judge(DoctorContext ctx, Observed o) {
    if (!o.dns().seen()) {
      return skip("DNS", "the discovery query was not asked: " + o.dns().missing());
    }
    DnsObservation dns = o.dns().get();
    String subject = dns.type() + " " + dns.query();
    if (dns.hosts().isEmpty()) {
      return fail(subject, "the discovery query has no records (" + dns.status() + ", asked " + dns.server() + "): no peer is found")
          .evidence("asked", dns.answeredName() + " at " + dns.server())
          .fix(Remediation.of("Check that the service has ready endpoints and that the query names it (see discovery-query-resolves).", "shell",
              "kubectl -n " + ctx.model().namespace() + " get endpointslices -l kubernetes.io/service-name=" + ctx.serviceName()))
          .build();
    }
    if (!o.endpoints().seen()) {
      return skip(subject, "the answer has " + dns.hosts().size() + " hosts, but the endpoints are unknown: " + o.endpoints().missing());
    }
    List<ObservedEndpoint> endpoints = o.endpoints().get();
    boolean srv = "SRV".equals(dns.type());
    Map<String, String> expected = new LinkedHashMap<>();
    for (String host : Live.publishedHosts(ctx, endpoints, srv).values()) {
      expected.put(Live.dnsKey(host), host);
    }
    Set<String> answered = new LinkedHashSet<>();
    for (String h : dns.hosts()) {
      answered.add(Live.dnsKey(h));
    }
    Set<String> missing = new LinkedHashSet<>();
    expected.forEach((k, v) -> {
      if (!answered.contains(k)) {
        missing.add(v);
      }
    });
    Set<String> extra = new LinkedHashSet<>();
    for (String h : dns.hosts()) {
      if (!expected.containsKey(Live.dnsKey(h))) {
        extra.add(h);
      }
    }
    if (missing.isEmpty() && extra.isEmpty()) {
      return pass(subject, "the answer lists the " + expected.size() + " ready endpoints, no more, no less")
          .evidence("asked", dns.answeredName() + " at " + dns.server())
          .evidence("hosts", Live.list(dns.hosts(), 5))
          .build();
    }
    return fail(subject, missing.size() + " ready endpoints missing from the answer, " + extra.size() + " hosts in it that are not ready endpoints")
        .evidence("asked", dns.answeredName() + " at " + dns.server())
        .evidence("ready endpoints", expected.size())
        .evidence("missing", missing.isEmpty() ? "(none)" : Live.list(missing, 10))
        .evidence("extra", extra.isEmpty() ? "(none)" : Live.list(extra, 10))
        .fix(Remediation.of(
            "CoreDNS answers from its own view: names that differ from the endpoints mean it runs another Corefile than the one deployed "
                + "(see coredns-reloaded), answers from a cache (ttl), or the query reaches another server. Restart CoreDNS after Corefile changes.",
            "shell", "kubectl -n kube-system rollout restart deployment coredns"))
        .build();
  }
}
