package dev.clusterctl.discovery;

import java.util.Locale;

/** How a discovery library hands its name to the resolver. */
public enum NameForm {
  /**
   * {@code inet_res:getbyname}: a name with a trailing dot as-is only, a dotted name as-is first and
   * then with each search domain, a name without dots with the search domains only ({@code ndots} ignored).
   */
  SEARCH_LIST,
  /** Asked once as an absolute name, no search list ({@code inet_res:lookup/3}, or a name that ends with a dot). */
  ABSOLUTE;

  /** The lower-case id used in JSON ({@code search-list}, {@code absolute}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
