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
 */
public record PodTemplate(
    Map<String, String> labels, String hostname, String subdomain, boolean setHostnameAsFqdn, List<ContainerInfo> containers) {

  /** The environment variables that mark the container running an Erlang/Elixir release. */
  private static final List<String> RELEASE_VARS =
      List.of("ERL_DIST_PORT", "RELEASE_NODE", "RELEASE_DISTRIBUTION", "RELEASE_COOKIE", "RELX_COOKIE", "NODE_HOST", "ERLANG_COOKIE");

  /** Copies the collections. */
  public PodTemplate {
    labels = Map.copyOf(labels);
    containers = List.copyOf(containers);
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
