package dev.clusterctl.judge;

import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.model.CorednsSettings;
import java.util.List;
import java.util.Locale;

/** CoreDNS serves the cluster domain the pods and the discovery domain use. */
public final class CorednsClusterDomain extends BaseCheck {

  /** The check. */
  public CorednsClusterDomain() {
    super(
        "coredns-cluster-domain",
        Area.DNS,
        "CoreDNS serves the cluster domain the pods and the discovery domain use",
        "Pod FQDNs end with the kubelet's cluster domain (`--cluster-domain`, default: the Corefile's), and a "
            + "discovery domain written in full (`svc.ns.svc.cluster.local`) names a zone too. CoreDNS's "
            + "`kubernetes` plugin answers only names under its zones; a cluster whose domain is not "
            + "`cluster.local` breaks every hard-coded `cluster.local` (libcluster's DNSSRV strategy defaults to it).");
  }

  @Override
  public List<Proposal> propose(DoctorContext ctx) {
    return DiscoveryQueryResolves.clusterDomainProposals(ctx);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    CorednsSettings dns = ctx.model().coredns();
    String subject = "Corefile " + dns.origin();
    String zone = dns.forwardZone();
    if (zone == null) {
      return fail(subject, "the kubernetes plugin serves no forward zone, only " + dns.zones())
          .fix(Remediation.of("Give the kubernetes plugin the cluster domain.", "corefile", "kubernetes cluster.local in-addr.arpa ip6.arpa {\n   pods insecure\n}"))
          .build();
    }
    String cd = ctx.model().clusterDomain();
    if (dns.zoneFor("svc." + cd) == null) {
      return fail(subject, "the pods' cluster domain " + cd + " is not served by CoreDNS's kubernetes plugin (zones " + dns.zones() + ")")
          .evidence("cluster domain", cd)
          .evidence("kubernetes zones", dns.zones())
          .fix(Remediation.text("Use the cluster's real domain (--cluster-domain " + zone + ") or add " + cd + " to the kubernetes plugin's zones."))
          .build();
    }
    if (ctx.dns().isPresent()) {
      String q = ctx.dns().get().query().toLowerCase(Locale.ROOT);
      q = q.endsWith(".") ? q.substring(0, q.length() - 1) : q;
      int at = q.indexOf(".svc.");
      if (at >= 0) {
        String named = q.substring(at + ".svc.".length());
        if (!named.equalsIgnoreCase(cd) || dns.zoneFor(q) == null) {
          return fail(subject, "the discovery domain names zone " + named + " but the cluster domain is " + cd)
              .evidence("discovery domain", ctx.dns().get().query())
              .evidence("cluster domain", cd)
              .evidence("kubernetes zones", dns.zones())
              .fix(Remediation.text(ctx.dns().get().strategy() == Strategy.LIBCLUSTER_DNSSRV
                  ? DiscoveryQueryResolves.clusterDomainAdvice(cd)
                  : "Write the discovery domain as <svc>.<ns> (the search list adds the right domain) or end it with ." + cd + "."))
              .build();
        }
      }
    }
    return pass(subject, "CoreDNS serves " + zone + ", the pods' cluster domain").evidence("kubernetes zones", dns.zones()).build();
  }
}
