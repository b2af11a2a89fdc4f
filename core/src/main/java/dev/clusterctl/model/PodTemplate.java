package dev.clusterctl.model;

import java.util.List;
import java.util.Map;

/**
 * What a workload's pods are made from, reduced to what decides their names and DNS records.
 *
 * @param labels the pod labels
 * @param hostname {@code spec.hostname}, or {@code null}
 * @param subdomain {@code spec.subdomain}, or {@code null}
 * @param setHostnameAsFqdn {@code spec.setHostnameAsFQDN}
 * @param containers the containers; {@link #release()} picks the one that runs the release
 * @param resolverOptions the pod's {@code dnsConfig.options} as resolv.conf writes them ({@code ndots:5}, {@code timeout:1})
 */
public record PodTemplate(
    Map<String, String> labels, String hostname, String subdomain, boolean setHostnameAsFqdn, List<ContainerInfo> containers,
    List<String> resolverOptions) {

  /** The environment variables that mark the container running an Erlang/Elixir release. */
  private static final List<String> RELEASE_VARS =
      List.of("ERL_DIST_PORT", "RELEASE_NODE", "RELEASE_DISTRIBUTION", "RELEASE_COOKIE", "RELX_COOKIE", "NODE_HOST", "ERLANG_COOKIE");

  /** Copies the collections. */
  public PodTemplate {
    labels = Map.copyOf(labels);
    containers = List.copyOf(containers);
    resolverOptions = List.copyOf(resolverOptions);
  }

  /** A template whose pods set no resolver options ({@code dnsConfig.options}). */
  public PodTemplate(Map<String, String> labels, String hostname, String subdomain, boolean setHostnameAsFqdn,
      List<ContainerInfo> containers) {
    this(labels, hostname, subdomain, setHostnameAsFqdn, containers, List.of());
  }

  /**
   * The resolv.conf options among {@code resolverOptions} that Erlang's {@code inet_res} does not read
   * but glibc does ({@code timeout:N}, {@code attempts:N}), as written.
   */
  public List<String> retransmitOptions() {
    return resolverOptions.stream().filter(o -> o.startsWith("timeout") || o.startsWith("attempts")).toList();
  }

  /** The container that runs the release: the first one with release variables, else the first one. */
  public ContainerInfo release() {
    for (ContainerInfo c : containers) {
      if (c.env().stream().anyMatch(e -> RELEASE_VARS.contains(e.name()))) {
        return c;
      }
    }
    return containers.isEmpty() ? new ContainerInfo("", List.of(), List.of(), java.util.Optional.empty()) : containers.get(0);
  }
}
