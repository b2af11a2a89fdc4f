package dev.clusterctl.expect;

/**
 * One A or AAAA record.
 *
 * @param address the address
 * @param pod the pod that has it, or {@code null} (a cluster IP)
 */
public record AddressRecord(String address, String pod) {}
