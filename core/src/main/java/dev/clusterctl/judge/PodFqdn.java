package dev.clusterctl.judge;

import dev.clusterctl.expect.KubeletNames;
import dev.clusterctl.observe.Observed;
import dev.clusterctl.observe.ObservedPod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Each running pod's {@code hostname --fqdn} is the host its peers dial. */
public final class PodFqdn extends LiveCheck {

  private static final int SHOWN = 20;

  /** The check. */
  public PodFqdn() {
    super(
        "pod-fqdn",
        Area.NODE_NAMES,
        "Each pod's hostname --fqdn is the host its peers dial",
        "A node started with `-name basename` (no host) takes the host part from the pod's FQDN, as `hostname --fqdn` "
            + "prints it. When peers dial SRV targets or PTR names, that FQDN must equal — character for character — "
            + "the name CoreDNS publishes for the pod's endpoint. With `--exec` each running pod is asked "
            + "(`hostname --fqdn`, with bounded concurrency); otherwise the FQDN is computed from the pod's spec as the "
            + "kubelet writes it (the report says which). Inside a pod (`--local`) it is asked there and looked for among "
            + "the real answer's targets. Skipped when peers dial addresses.",
        "pods");
  }

  @Override
  CheckResult judge(DoctorContext ctx, Observed o) {
    if (!o.podsSeen().seen()) {
      return skip("pods", o.podsSeen().missing());
    }
    if (!ctx.peersUseHostNames()) {
      return skip("pods", "peers dial addresses (A/AAAA answers, host part ip): the FQDN is not part of the names they use");
    }
    List<ObservedPod> pods = o.pods();
    if (pods.isEmpty()) {
      return skip("pods", "no running pods of the workload");
    }
    Optional<Map<String, String>> byAddress = o.endpoints().value().map(e -> Live.publishedHosts(ctx, e, true));
    if (byAddress.isEmpty() && !o.dns().seen()) {
      return skip("pods", "neither the endpoints nor the DNS answer are known: " + o.endpoints().missing());
    }
    List<NamePair> wrong = new ArrayList<>();
    for (ObservedPod p : pods) {
      String fqdn = p.fqdn().orElseGet(() -> computed(ctx, p));
      String peers;
      if (byAddress.isPresent()) {
        peers = p.ip() == null ? null : byAddress.get().get(p.ip());
      } else {
        peers = o.dns().get().hosts().stream().filter(h -> Live.dnsKey(h).equals(Live.dnsKey(fqdn))).findFirst().orElse(null);
      }
      if (peers == null || !peers.equals(fqdn)) {
        wrong.add(new NamePair(p.name(), fqdn, peers, false));
      }
    }
    String subject = ctx.workload().map(w -> w.subject()).orElse(o.inPod() ? "this pod" : "pods");
    String how = "hostname --fqdn " + o.fqdnHow();
    if (wrong.isEmpty()) {
      return pass(subject, "all " + pods.size() + " pods' FQDNs are the hosts their peers dial (" + how + ")").evidence("FQDN", how).build();
    }
    CheckResult.Builder b = fail(subject, wrong.size() + " of " + pods.size() + " pods' FQDNs are not the hosts their peers dial (" + how + ")")
        .evidence("FQDN", how);
    wrong.stream().limit(SHOWN).forEach(b::names);
    if (wrong.size() > SHOWN) {
      b.evidence("not shown", (wrong.size() - SHOWN) + " more pods");
    }
    return b.fix(Remediation.of(
            "Give the pods a subdomain equal to the headless service (StatefulSets: serviceName) so that hostname --fqdn is the name CoreDNS publishes; "
                + "a pod missing from the answer is not a ready endpoint.",
            "yaml", ctx.workload().map(w -> Snippets.subdomain(w, ctx.service().orElse(null), ctx.serviceName()))
                .orElse("spec:\n  template:\n    spec:\n      subdomain: " + ctx.serviceName())))
        .build();
  }

  private static String computed(DoctorContext ctx, ObservedPod p) {
    boolean asFqdn = ctx.workload().map(w -> w.template().setHostnameAsFqdn()).orElse(false);
    return KubeletNames.host(p.name(), p.specHostname(), p.specSubdomain(), asFqdn, ctx.model().namespace(), ctx.model().clusterDomain()).fqdn();
  }
}
