package dev.clusterctl.erlang.term;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Reading helpers for the shapes config files use: strings, atoms, integers, proplists. */
public final class Terms {

  private Terms() {}

  /** A charlist, a binary, or an atom as Java text; empty for anything else. */
  public static Optional<String> text(Term term) {
    if (term instanceof Binary b) {
      return Optional.of(new String(b.bytes(), StandardCharsets.UTF_8));
    }
    if (term instanceof Atom a) {
      return Optional.of(a.name());
    }
    if (term instanceof ListTerm l && l.isProper()) {
      StringBuilder sb = new StringBuilder();
      for (Term t : l.elements()) {
        if (!(t instanceof IntTerm i) || i.value().signum() < 0 || i.value().bitLength() > 21) {
          return Optional.empty();
        }
        sb.appendCodePoint(i.value().intValue());
      }
      return Optional.of(sb.toString());
    }
    return Optional.empty();
  }

  /** The value of {@code key} in a proplist ({@code [{key, Value}, ...]}); a bare atom {@code key} means {@code true}. */
  public static Optional<Term> proplistValue(Term list, String key) {
    if (!(list instanceof ListTerm l)) {
      return Optional.empty();
    }
    Atom k = new Atom(key);
    for (Term t : l.elements()) {
      if (t instanceof Tuple tup && tup.arity() == 2 && k.equals(tup.get(0))) {
        return Optional.of(tup.get(1));
      }
      if (k.equals(t)) {
        return Optional.of(Atom.TRUE);
      }
    }
    return Optional.empty();
  }
}
