package dev.clusterctl.dns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How a name is expanded into the absolute names tried one after the other (resolv.conf(5)
 * {@code search} and {@code ndots}).
 */
public enum SearchMode {
  /**
   * Erlang's {@code inet_res:getbyname/2}: a name with a trailing dot is tried as-is only; a dotted
   * name as-is first, then with each search domain; a name without dots with the search domains
   * only. {@code ndots} is ignored. Every failure (NXDOMAIN, NODATA, REFUSED, a timeout…) moves on
   * to the next candidate.
   */
  ERLANG,
  /**
   * glibc's {@code res_search}: a trailing dot means as-is only; a name with at least
   * {@code ndots} dots is tried as-is first, then with the search domains; one with fewer dots
   * with the search domains first and as-is last. NXDOMAIN, NODATA and SERVFAIL move on; any other
   * failure (REFUSED, a timeout) ends the search.
   */
  LIBC,
  /** The name is tried as given, as an absolute name, and nothing else. */
  NONE;

  /** The lower-case id used on the command line and in JSON. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode with this id ({@code erlang}, {@code libc}, {@code none}), case-insensitive. */
  public static SearchMode fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /**
   * The absolute names (with a trailing dot) tried for {@code name}, in order, without duplicates.
   *
   * @param name a name already checked by {@link DomainNames#lookupName}
   * @param search the search domains (without trailing dots)
   * @param ndots the {@code ndots} threshold (used by {@link #LIBC} only)
   */
  public List<String> candidates(String name, List<String> search, int ndots) {
    List<String> out = new ArrayList<>();
    if (name.endsWith(".")) {
      out.add(name);
      return out;
    }
    String absolute = name + ".";
    int dots = countDots(name);
    switch (this) {
      case NONE -> out.add(absolute);
      case ERLANG -> {
        if (dots > 0) {
          out.add(absolute);
        }
        for (String domain : search) {
          add(out, name + "." + domain + ".");
        }
        if (dots == 0 && search.isEmpty()) {
          // inet_res falls back to the (empty) default domain: the bare name, absolute
          out.add(absolute);
        }
      }
      case LIBC -> {
        boolean asIsFirst = dots >= ndots;
        if (asIsFirst) {
          out.add(absolute);
        }
        for (String domain : search) {
          add(out, name + "." + domain + ".");
        }
        if (!asIsFirst) {
          add(out, absolute);
        }
      }
    }
    return out;
  }

  /** True when, after a candidate ended with {@code status} and no records, the next candidate is tried. */
  public boolean continuesAfter(Status status) {
    return switch (this) {
      case ERLANG -> status != Status.NOERROR;
      case LIBC -> status == Status.NXDOMAIN || status == Status.NODATA || status == Status.SERVFAIL;
      case NONE -> false;
    };
  }

  private static void add(List<String> out, String candidate) {
    if (!out.contains(candidate)) {
      out.add(candidate);
    }
  }

  private static int countDots(String name) {
    int n = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        n++;
      }
    }
    return n;
  }
}
