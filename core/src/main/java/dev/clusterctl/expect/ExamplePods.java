package dev.clusterctl.expect;

import dev.clusterctl.model.PodTemplate;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Example pods of a workload, named as their controllers name them: a Deployment's ReplicaSet is
 * {@code <name>-<pod-template-hash>} and its pods get {@code generateName: <replicaset>-}, which the API
 * server cuts to {@value #GENERATED_BASE_MAX} characters before adding 5 random ones (so such names never
 * exceed 63); a StatefulSet's pods are {@code <name>-<ordinal>}, never cut; addresses
 * from {@code 10.244.0.10} on (or {@code fd00:10:244::a} for IPv6). The names are fixed so reports and tests are reproducible.
 */
public final class ExamplePods {

  /** At most this many pods are simulated, however many replicas there are. */
  public static final int MAX = 256;

  /**
   * The longest base the API server keeps of a {@code generateName} (63 − 5 random characters),
   * apimachinery {@code pkg/storage/names} {@code maxGeneratedNameLength}.
   */
  public static final int GENERATED_BASE_MAX = 58;

  /** How many random characters the API server adds to a {@code generateName}. */
  public static final int GENERATED_SUFFIX = 5;

  /** The alphabet of Kubernetes' generated name suffixes (no vowels, no look-alikes). */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

  private ExamplePods() {}

  /** The example pods of {@code w} (its replicas, at least one, at most {@link #MAX}), with IPv4 addresses. */
  public static List<ExamplePod> of(WorkloadInfo w, String clusterDomain) {
    return of(w, clusterDomain, false);
  }

  /** The example pods of {@code w}, with IPv6 addresses from {@code fd00:10:244::a} when {@code ipv6}. */
  public static List<ExamplePod> of(WorkloadInfo w, String clusterDomain, boolean ipv6) {
    return of(w, clusterDomain, ipv6, 0);
  }

  /**
   * The example pods of the {@code member}-th workload of a cluster: each workload's pods get their
   * own addresses ({@code 10.244.(2·member).10} on, {@code fd00:10:244:member::a} on) and know
   * their workload.
   */
  public static List<ExamplePod> of(WorkloadInfo w, String clusterDomain, boolean ipv6, int member) {
    int n = Math.max(1, Math.min(w.replicas(), MAX));
    PodTemplate t = w.template();
    List<ExamplePod> pods = new ArrayList<>(n);
    String hash = suffix(w.name().hashCode(), 10);
    for (int i = 0; i < n; i++) {
      String name;
      String hostname;
      String subdomain;
      if (w.kind() == WorkloadKind.STATEFULSET) {
        name = w.name() + "-" + i;
        hostname = name;
        subdomain = w.serviceName();
      } else {
        name = generated(w.name() + "-" + hash + "-", suffix(31 * i + 7 + w.name().length(), GENERATED_SUFFIX));
        hostname = t.hostname();
        subdomain = t.subdomain();
      }
      String ip = ipv6
          ? "fd00:10:244:" + (member == 0 ? "" : Integer.toHexString(member) + ":") + ":" + Integer.toHexString(10 + i)
          : "10.244." + (2 * member + i / 200) + "." + (10 + i % 200);
      pods.add(
          new ExamplePod(
              name,
              ip,
              hostname,
              subdomain,
              KubeletNames.host(name, hostname, subdomain, t.setHostnameAsFqdn(), w.namespace(), clusterDomain),
              true,
              PodEnvironment.resolve(t.release().env(), name, w.namespace(), ip),
              member == 0 ? "" : w.subject()));
    }
    return pods;
  }

  /** The name the API server makes of {@code generateName} {@code base}: the base cut to {@value #GENERATED_BASE_MAX} characters, then {@code random}. */
  static String generated(String base, String random) {
    return (base.length() > GENERATED_BASE_MAX ? base.substring(0, GENERATED_BASE_MAX) : base) + random;
  }

  /** A deterministic suffix of {@code len} characters from the generated-name alphabet. */
  static String suffix(int seed, int len) {
    StringBuilder sb = new StringBuilder(len);
    long x = Integer.toUnsignedLong(seed) * 2654435761L + 12345;
    for (int i = 0; i < len; i++) {
      x = (x * 6364136223846793005L + 1442695040888963407L);
      sb.append(ALPHABET.charAt((int) Long.remainderUnsigned(x >>> 33, ALPHABET.length())));
    }
    return sb.toString();
  }
}
