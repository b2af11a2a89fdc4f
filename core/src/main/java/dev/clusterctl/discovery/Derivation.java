package dev.clusterctl.discovery;

import java.util.List;
import java.util.Map;
import org.xbill.DNS.Record;

/**
 * What a discovery library makes of an answer (pure: no network): the node names, the answers
 * that yield none, and what the library does beyond naming (a crash, the cache hiding peers). Each
 * library's rules live in its {@link DiscoveryLibrary} object.
 *
 * @param nodes the derived nodes, one per distinct name, sorted by name (none when the library crashes)
 * @param gaps the answers that yield no node name, and why
 * @param findings crashes and warnings, in the library's words
 */
public record Derivation(List<DerivedNode> nodes, List<Gap> gaps, List<Finding> findings) {

  /** Copies the lists. */
  public Derivation {
    nodes = List.copyOf(nodes);
    gaps = List.copyOf(gaps);
    findings = List.copyOf(findings);
  }

  /** A derivation without findings. */
  public Derivation(List<DerivedNode> nodes, List<Gap> gaps) {
    this(nodes, gaps, List.of());
  }

  /**
   * Derives the node names as {@code spec}'s library does ({@link DiscoveryLibrary#derive}), for an
   * answer not reached through a CNAME.
   *
   * @param spec the library, record type, host type and basename
   * @param answers the answer records of the asked type
   * @param targets the addresses of each SRV target, by target name without trailing dot
   * @param reverse the PTR names of each address (for A/AAAA with host type hostname), by address text
   */
  public static Derivation derive(
      DiscoverySpec spec, List<Record> answers, Map<String, TargetAddresses> targets, Map<String, ReverseName> reverse) {
    return spec.library().derive(answers, false, targets, reverse, spec.basename());
  }

  /** True when the library crashes on this answer. */
  public boolean crashes() {
    return findings.stream().anyMatch(f -> f.severity() == Finding.Severity.CRASH);
  }
}
