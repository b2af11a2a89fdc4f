package dev.clusterctl.watch;

import java.util.Optional;

/**
 * A peer as discovery lists it.
 *
 * @param nodeName the node name the discovery library would dial ({@code basename@host})
 * @param host the host part of the name
 * @param address the address to connect to, when discovery found one (an A record, an SRV target's address)
 * @param from the DNS answer it came from ({@code A 10.0.0.5}, {@code SRV ledger-0.…})
 */
public record Peer(String nodeName, String host, Optional<String> address, String from) {}
