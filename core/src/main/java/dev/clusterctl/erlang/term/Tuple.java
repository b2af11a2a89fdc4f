package dev.clusterctl.erlang.term;

import java.util.List;

/** A tuple {@code {A, B, ...}}. */
public record Tuple(List<Term> elements) implements Term {

  /** A tuple of the given elements. */
  public static Tuple of(Term... elements) {
    return new Tuple(List.of(elements));
  }

  /** The number of elements. */
  public int arity() {
    return elements.size();
  }

  /** The element at zero-based {@code index}. */
  public Term get(int index) {
    return elements.get(index);
  }
}
