package dev.clusterctl.erlang.term;

import java.util.Map;
import java.util.Optional;

/** A map {@code #{K => V}}; iteration keeps the order the entries were read in. */
public record MapTerm(Map<Term, Term> entries) implements Term {

  /** The value under the atom key {@code key}. */
  public Optional<Term> get(String key) {
    return Optional.ofNullable(entries.get(new Atom(key)));
  }
}
