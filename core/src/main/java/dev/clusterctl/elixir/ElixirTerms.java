package dev.clusterctl.elixir;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.Binary;
import dev.clusterctl.erlang.term.FloatTerm;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Elixir values as Erlang {@link Term}s, as a release writes them into {@code sys.config}:
 * strings are binaries, charlists lists of code points, aliases atoms named {@code Elixir.…}.
 */
public final class ElixirTerms {

  private ElixirTerms() {}

  /**
   * The term for a literal value (origins dropped).
   *
   * @throws IllegalArgumentException when the value still holds a deferred or unknown part
   */
  public static Term toTerm(Value v) {
    if (v instanceof Value.Atom a) {
      return new Atom(a.name());
    }
    if (v instanceof Value.Text t) {
      return new Binary(t.text().getBytes(StandardCharsets.UTF_8));
    }
    if (v instanceof Value.Chars c) {
      List<Term> codes = new ArrayList<>();
      c.text().codePoints().forEach(cp -> codes.add(IntTerm.of(cp)));
      return ListTerm.of(codes);
    }
    if (v instanceof Value.Int i) {
      return new IntTerm(i.value());
    }
    if (v instanceof Value.Real r) {
      return new FloatTerm(r.value());
    }
    if (v instanceof Value.ListOf l) {
      List<Term> items = new ArrayList<>();
      l.items().forEach(x -> items.add(toTerm(x)));
      return ListTerm.of(items);
    }
    if (v instanceof Value.TupleOf t) {
      List<Term> items = new ArrayList<>();
      t.items().forEach(x -> items.add(toTerm(x)));
      return new Tuple(items);
    }
    if (v instanceof Value.MapOf m) {
      Map<Term, Term> entries = new LinkedHashMap<>();
      m.entries().forEach(e -> entries.put(toTerm(e.key()), toTerm(e.value())));
      return new MapTerm(entries);
    }
    throw new IllegalArgumentException("not a literal value: " + v.getClass().getSimpleName() + " at " + v.origin());
  }

  /** True when two literal values are the same term, wherever they were written. */
  public static boolean same(Value a, Value b) {
    return Value.isLiteral(a) && Value.isLiteral(b) && toTerm(a).equals(toTerm(b));
  }
}
