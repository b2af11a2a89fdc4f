package dev.clusterctl.expect;

import java.util.ArrayList;
import java.util.List;

/**
 * The names Erlang's {@code inet_res:getbyname/2} tries, in order: a name with a trailing dot
 * as-is only; a name without dots with the search domains only; a dotted name as-is first, then
 * with the search domains. {@code ndots} is ignored (unlike glibc).
 */
public final class ErlangSearch {

  private ErlangSearch() {}

  /** A pod's search list with {@code dnsPolicy: ClusterFirst}: {@code ns.svc.d svc.d d}. */
  public static List<String> podSearch(String namespace, String clusterDomain) {
    return List.of(namespace + ".svc." + clusterDomain, "svc." + clusterDomain, clusterDomain);
  }

  /** The fully qualified names tried for {@code name}, without trailing dots. */
  public static List<String> candidates(String name, List<String> search) {
    List<String> out = new ArrayList<>();
    if (name.endsWith(".")) {
      out.add(name.substring(0, name.length() - 1));
      return out;
    }
    if (name.contains(".")) {
      out.add(name);
    }
    for (String s : search) {
      out.add(name + "." + s);
    }
    return out;
  }
}
