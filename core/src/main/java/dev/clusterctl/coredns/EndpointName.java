package dev.clusterctl.coredns;

/**
 * The name CoreDNS's {@code kubernetes} plugin gives one endpoint of a headless Service, the
 * {@code <name>} of {@code <name>.<service>.<namespace>.svc.<zone>} and of SRV targets
 * (<a href="https://github.com/coredns/coredns/blob/master/plugin/kubernetes/README.md">kubernetes plugin</a>,
 * {@code endpointHostname}): the endpoint's {@code hostname}; else, with {@code endpoint_pod_names},
 * the pod's name when it is shorter than 64 characters; else the address with {@code .} and
 * {@code :} turned into {@code -} (and a {@code 0} after a trailing {@code -}).
 *
 * @param label the name
 * @param rule which of the three rules gave it
 */
public record EndpointName(String label, Rule rule) {

  /** The rule that named an endpoint. */
  public enum Rule {
    /** The endpoint's {@code hostname} (a pod with {@code spec.hostname} and the service as its subdomain). */
    HOSTNAME("hostname"),
    /** The pod name, with {@code endpoint_pod_names}. */
    POD_NAME("endpoint_pod_names"),
    /** The dashed address. */
    DASHED_IP("dashed IP");

    private final String words;

    Rule(String words) {
      this.words = words;
    }

    /** The rule as the report names it. */
    public String words() {
      return words;
    }
  }

  /** Pod names of 64 characters or more are not used as endpoint names. */
  private static final int MAX_POD_NAME = 63;

  /**
   * The name of an endpoint.
   *
   * @param hostname the endpoint's {@code hostname}, or {@code null}
   * @param podName the pod of its {@code targetRef}, or {@code null}
   * @param address its address
   * @param endpointPodNames whether the plugin has {@code endpoint_pod_names}
   */
  public static EndpointName of(String hostname, String podName, String address, boolean endpointPodNames) {
    if (hostname != null && !hostname.isEmpty()) {
      return new EndpointName(hostname, Rule.HOSTNAME);
    }
    if (endpointPodNames && podName != null && podName.length() <= MAX_POD_NAME) {
      return new EndpointName(podName, Rule.POD_NAME);
    }
    return new EndpointName(dashed(address), Rule.DASHED_IP);
  }

  /** The dashed form of an address: {@code 10.244.0.15} → {@code 10-244-0-15}, {@code fd00::} → {@code fd00--0}. */
  public static String dashed(String address) {
    String d = address.replace('.', '-').replace(':', '-');
    return d.endsWith("-") ? d + "0" : d;
  }
}
