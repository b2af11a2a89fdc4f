package dev.clusterctl.judge;

/**
 * Two names compared side by side.
 *
 * @param subject what they belong to (a pod name)
 * @param calledItself the name the node gives itself, or {@code null}
 * @param peersUse the name its peers derive, or {@code null} when they find none
 * @param equal whether they are exactly equal (as Erlang atoms: case-sensitive)
 */
public record NamePair(String subject, String calledItself, String peersUse, boolean equal) {}
