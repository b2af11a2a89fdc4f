/**
 * DNS lookups exactly as an Erlang node (or a libc program) in a pod makes them.
 *
 * <p>{@link dev.clusterctl.dns.ResolvConf} reads the resolver configuration,
 * {@link dev.clusterctl.dns.SearchMode} expands a name into the candidates tried one after the
 * other, and {@link dev.clusterctl.dns.Resolver} asks the servers (UDP, retried over TCP when the
 * answer is truncated, RFC 1035 section 4.2 and RFC 7766) and keeps every attempt in a
 * {@link dev.clusterctl.dns.LookupResult}.
 */
package dev.clusterctl.dns;
