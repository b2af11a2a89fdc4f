package dev.clusterctl.judge;

/**
 * One value a check compared or relied on.
 *
 * @param label what the value is ({@code selector}, {@code Corefile})
 * @param value the value, never a secret
 */
public record Evidence(String label, String value) {}
