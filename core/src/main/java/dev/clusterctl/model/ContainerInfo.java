package dev.clusterctl.model;

import java.util.List;
import java.util.Optional;

/**
 * A container of the pod template.
 *
 * @param name the container name
 * @param ports the declared ports
 * @param env the environment, in declaration order
 * @param readinessProbe a one-line description of its readiness probe, when it has one
 */
public record ContainerInfo(String name, List<ContainerPort> ports, List<EnvVar> env, Optional<String> readinessProbe) {

  /** Copies the lists. */
  public ContainerInfo {
    ports = List.copyOf(ports);
    env = List.copyOf(env);
  }

  /** The variable called {@code name}, if declared. */
  public Optional<EnvVar> env(String name) {
    return env.stream().filter(e -> e.name().equals(name)).reduce((a, b) -> b);
  }

  /** The declared port called {@code name}. */
  public Optional<ContainerPort> port(String name) {
    return ports.stream().filter(p -> name.equals(p.name())).findFirst();
  }
}
