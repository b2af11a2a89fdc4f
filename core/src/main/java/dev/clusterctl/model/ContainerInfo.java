package dev.clusterctl.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A container of the pod template.
 *
 * @param name the container name
 * @param ports the declared ports
 * @param env the environment, in declaration order
 * @param readinessProbe a one-line description of its readiness probe, when it has one
 * @param command the container's {@code command} (empty: the image's ENTRYPOINT)
 * @param args the container's {@code args} (empty: the image's CMD, when {@code command} is empty too)
 * @param envFromElsewhere the {@code envFrom} sources whose variables the inputs do not hold
 *     ({@code secretRef:NAME}, or {@code configMapRef:NAME} of a ConfigMap not among the inputs)
 * @param files the files ConfigMaps among the inputs put into the container, by the path it sees
 *     them at (an {@code env.sh} the command sources)
 */
public record ContainerInfo(
    String name, List<ContainerPort> ports, List<EnvVar> env, Optional<String> readinessProbe, List<String> command, List<String> args, List<String> envFromElsewhere,
    Map<String, String> files) {

  /** Copies the lists. */
  public ContainerInfo {
    ports = List.copyOf(ports);
    env = List.copyOf(env);
    command = List.copyOf(command);
    args = List.copyOf(args);
    envFromElsewhere = List.copyOf(envFromElsewhere);
    files = Map.copyOf(files);
  }

  /** A container with no command, args or {@code envFrom} of its own (the image decides how it starts). */
  public ContainerInfo(String name, List<ContainerPort> ports, List<EnvVar> env, Optional<String> readinessProbe) {
    this(name, ports, env, readinessProbe, List.of(), List.of(), List.of(), Map.of());
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
