package dev.clusterctl.model;

/**
 * One port of a Service.
 *
 * @param name the port name ({@code dist-erl}); the SRV record is {@code _name._proto.svc...}
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param port the service port
 * @param targetPort the pod port it selects, by number or container-port name
 */
public record ServicePort(String name, String protocol, int port, PortRef targetPort) {}
