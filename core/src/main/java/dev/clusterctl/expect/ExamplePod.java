package dev.clusterctl.expect;

import dev.clusterctl.model.PodHost;
import java.util.Map;

/**
 * One simulated pod of the workload.
 *
 * @param name the pod name ({@code app-5f4954c6b5-kzcwl}, {@code app-0})
 * @param ip its example address
 * @param specHostname {@code spec.hostname} as the pod gets it (a StatefulSet sets the pod name)
 * @param specSubdomain {@code spec.subdomain} as the pod gets it (a StatefulSet sets its serviceName)
 * @param host what the pod calls itself ({@code hostname}, {@code hostname --fqdn})
 * @param ready whether the pod is Ready
 * @param env its release container's environment with every reference resolved; values from
 *     Secrets are stand-ins that name the Secret, never a real value
 * @param workload the subject of the workload it belongs to ({@code Deployment/ns/web}), or an
 *     empty string when only one workload is simulated
 */
public record ExamplePod(
    String name, String ip, String specHostname, String specSubdomain, PodHost host, boolean ready, Map<String, String> env, String workload) {

  /** Copies the environment. */
  public ExamplePod {
    env = Map.copyOf(env);
  }

  /** A pod of the one workload simulated. */
  public ExamplePod(String name, String ip, String specHostname, String specSubdomain, PodHost host, boolean ready, Map<String, String> env) {
    this(name, ip, specHostname, specSubdomain, host, ready, env, "");
  }

  /** Name, address, host names and readiness; never the environment (it may hold a cookie). */
  @Override
  public String toString() {
    return "ExamplePod[" + name + ", " + ip + ", " + host + (ready ? ", ready" : ", not ready") + "]";
  }

  /** The same pod with another readiness. */
  public ExamplePod withReady(boolean r) {
    return new ExamplePod(name, ip, specHostname, specSubdomain, host, r, env, workload);
  }
}
