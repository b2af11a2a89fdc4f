package dev.clusterctl.model;

/**
 * A port a container declares.
 *
 * @param name its name, or {@code null}
 * @param port the container port number
 * @param protocol {@code TCP} unless given
 */
public record ContainerPort(String name, int port, String protocol) {}
