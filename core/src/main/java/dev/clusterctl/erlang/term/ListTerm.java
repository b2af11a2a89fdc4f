package dev.clusterctl.erlang.term;

import java.util.List;

/**
 * A list; {@code tail} is {@link #NIL} for a proper list and anything else for an improper one.
 */
public record ListTerm(List<Term> elements, Term tail) implements Term {

  /** The empty list {@code []}, also the tail of every proper list. */
  public static final ListTerm NIL = new ListTerm(List.of(), null);

  /** A proper list of the given elements. */
  public static ListTerm of(List<Term> elements) {
    return elements.isEmpty() ? NIL : new ListTerm(List.copyOf(elements), NIL);
  }

  /** True for a proper list (ending in {@code []}). */
  public boolean isProper() {
    return tail == null || tail == NIL || NIL.equals(tail);
  }
}
