package dev.clusterctl.discovery;

import dev.clusterctl.dns.LookupResult;
import java.util.List;
import java.util.Optional;

/**
 * The addresses of one SRV target (RFC 2782), taken from the additional section of the SRV
 * response or, when absent there, from a follow-up A (then AAAA) query.
 *
 * @param target the target, without trailing dot
 * @param addresses its addresses as text, sorted (IPv4 first)
 * @param source where they came from
 * @param followUps the follow-up lookups made (empty when the additional section had them)
 */
public record TargetAddresses(String target, List<String> addresses, Source source, List<LookupResult> followUps) {

  /** Where a target's addresses came from. */
  public enum Source {
    /** The additional section of the SRV response. */
    ADDITIONAL,
    /** A follow-up A/AAAA query for the target. */
    QUERY
  }

  /** Copies the lists. */
  public TargetAddresses {
    addresses = List.copyOf(addresses);
    followUps = List.copyOf(followUps);
  }

  /** The last follow-up lookup, which says why there are no addresses when there are none. */
  public Optional<LookupResult> lastFollowUp() {
    return followUps.isEmpty() ? Optional.empty() : Optional.of(followUps.get(followUps.size() - 1));
  }
}
