package dev.clusterctl.testing;

/**
 * Zones that answer the way CoreDNS answers for a few headless services in namespace
 * {@code payments} of cluster domain {@code cluster.local}, for tests against {@link BindServer}.
 *
 * <ul>
 *   <li>{@code ledger.payments.svc.cluster.local}: a StatefulSet behind a headless service: A
 *       10.244.0.5–7, pod-name records {@code ledger-0..2}, SRV {@code _dist-erl._tcp.ledger…}
 *       with pod-name targets (port 39135, weight 33) and their A records; PTRs for the addresses.
 *   <li>{@code dashed.payments.svc.cluster.local}: a Deployment without {@code endpoint_pod_names}:
 *       SRV targets are dashed IPs ({@code 10-244-1-5.dashed…}).
 *   <li>{@code big.payments.svc.cluster.local}: {@value #BIG} SRV records (too large for UDP).
 *   <li>{@code lonely.payments.svc.cluster.local}: SRV whose target has no address record.
 *   <li>{@code portless.payments.svc.cluster.local}: A records but no SRV (NODATA for SRV).
 *   <li>{@code localhost-svc.payments.svc.cluster.local}: SRV target {@code localhost.}
 * </ul>
 */
public final class KubeDnsZones {

  /** How many SRV records the big service has. */
  public static final int BIG = 400;

  private KubeDnsZones() {}

  /** The {@code cluster.local} zone. */
  public static BindServer.Zone clusterLocal() {
    BindServer.ZoneBuilder z = BindServer.zone("cluster.local");
    z.a("ledger.payments.svc", "10.244.0.5", "10.244.0.6", "10.244.0.7");
    for (int i = 0; i < 3; i++) {
      z.a("ledger-" + i + ".ledger.payments.svc", "10.244.0." + (5 + i));
      z.srv("_dist-erl._tcp.ledger.payments.svc", 0, 33, 39135, "ledger-" + i + ".ledger.payments.svc.cluster.local.");
      z.srv("ledger.payments.svc", 0, 33, 39135, "ledger-" + i + ".ledger.payments.svc.cluster.local.");
    }
    z.a("dashed.payments.svc", "10.244.1.5", "10.244.1.6");
    for (int i = 5; i <= 6; i++) {
      z.a("10-244-1-" + i + ".dashed.payments.svc", "10.244.1." + i);
      z.srv("_dist-erl._tcp.dashed.payments.svc", 0, 50, 39135, "10-244-1-" + i + ".dashed.payments.svc.cluster.local.");
    }
    for (int i = 0; i < BIG; i++) {
      String ip = "10.245." + (i / 250) + "." + (i % 250 + 1);
      String dashed = ip.replace('.', '-');
      z.a(dashed + ".big.payments.svc", ip);
      z.srv("_dist-erl._tcp.big.payments.svc", 0, 1, 39135, dashed + ".big.payments.svc.cluster.local.");
    }
    z.srv("_dist-erl._tcp.lonely.payments.svc", 0, 100, 39135, "gone.lonely.payments.svc.cluster.local.");
    z.a("portless.payments.svc", "10.244.2.5");
    z.srv("_dist-erl._tcp.localhost-svc.payments.svc", 0, 100, 39135, "localhost.");
    return z.build();
  }

  /** The reverse zone {@code 244.10.in-addr.arpa}: PTRs of the ledger pods (as {@code pods insecure} would not: a test fixture). */
  public static BindServer.Zone reverse() {
    BindServer.ZoneBuilder z = BindServer.zone("244.10.in-addr.arpa");
    for (int i = 0; i < 3; i++) {
      z.ptr((5 + i) + ".0", "ledger-" + i + ".ledger.payments.svc.cluster.local.");
    }
    return z.build();
  }

  /** Starts a BIND serving both zones. */
  public static BindServer start() {
    return BindServer.start(clusterLocal(), reverse());
  }
}
