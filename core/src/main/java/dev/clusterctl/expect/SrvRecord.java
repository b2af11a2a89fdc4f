package dev.clusterctl.expect;

/**
 * One SRV record (<a href="https://www.rfc-editor.org/rfc/rfc2782">RFC 2782</a>) as Erlang's
 * resolver returns it: the target has no trailing dot.
 *
 * @param priority always 0 from CoreDNS
 * @param weight {@code floor(100 / N)}, at least 1
 * @param port the endpoint port (the pod's resolved target port)
 * @param target the target host name, without a trailing dot
 * @param pod the pod behind the target, or {@code null} (a ClusterIP service)
 */
public record SrvRecord(int priority, int weight, int port, String target, String pod) {}
