package dev.clusterctl.discovery;

import dev.clusterctl.dns.LookupResult;
import java.util.List;

/**
 * The PTR names of one address (RFC 1035 3.5, RFC 3596 2.5), as gen_cluster's
 * {@code host_type => hostname} finds them for A/AAAA answers.
 *
 * @param address the address as text
 * @param names its PTR names without trailing dots, sorted
 * @param lookup the PTR lookup made
 */
public record ReverseName(String address, List<String> names, LookupResult lookup) {

  /** Copies the list. */
  public ReverseName {
    names = List.copyOf(names);
  }
}
