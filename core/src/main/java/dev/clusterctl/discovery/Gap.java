package dev.clusterctl.discovery;

/**
 * An answer that yields no node name, and why (an SRV target without addresses, an address without PTR).
 *
 * @param from the answer ({@code SRV ledger-0.…}, {@code A 10.0.0.5})
 * @param reason one line saying what is missing
 */
public record Gap(String from, String reason) {}
