/**
 * DNS lookups exactly as an Erlang node (or a libc program) in a pod makes them.
 *
 * <p>{@link dev.clusterctl.dns.ResolvConf} reads the resolver configuration,
 * {@link dev.clusterctl.dns.SearchMode} expands a name into the candidates tried one after the
 * other, {@link dev.clusterctl.dns.ResolverMode} says whose rules apply on the wire (Erlang's
 * {@code inet_res} by default: its waits, which failures move on and which servers are asked
 * again), and {@link dev.clusterctl.dns.Resolver} asks the servers (UDP, retried over TCP when the
 * answer is truncated, RFC 1035 section 4.2 and RFC 7766), checks each reply against the question
 * (RFC 5452 section 9.1) and keeps every attempt in a {@link dev.clusterctl.dns.LookupResult}.
 *
 * <p>Every lookup runs under one {@link dev.clusterctl.time.Deadline}; many absolute lookups run
 * together, bounded, under one budget ({@link dev.clusterctl.dns.Resolver#lookupAll}). Waits are
 * on non-blocking NIO channels with a {@code Selector} bounded by the deadline, chosen over short
 * polls of the interrupt flag because {@code select} wakes at once when its thread is
 * interrupted: Ctrl-C stops a lookup with no polling delay and no CPU spent waiting.
 */
package dev.clusterctl.dns;
