package dev.clusterctl.elixir;

import dev.clusterctl.release.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keyword lists as Elixir's {@code Keyword} module and {@code Config} handle them: lookups, and
 * the merge {@code config/2,3} performs ({@code Config.__merge__/2}: per application,
 * {@code Keyword.merge/3} with a deep merge of values that are both keyword lists; a later value
 * wins otherwise). The order of the result follows {@code Keyword.merge/3}: the keys of the first
 * list that the second does not have, then the second list's entries.
 */
public final class Keywords {

  private Keywords() {}

  /** True for a list of {@code {atom, value}} tuples ({@code Keyword.keyword?/1}); the empty list is one. */
  public static boolean isKeyword(Value v) {
    if (!(v instanceof Value.ListOf l)) {
      return false;
    }
    return l.items().stream().allMatch(i -> i instanceof Value.TupleOf t && t.items().size() == 2 && t.items().get(0) instanceof Value.Atom);
  }

  /** The key of a keyword entry. */
  static String key(Value entry) {
    return ((Value.Atom) ((Value.TupleOf) entry).items().get(0)).name();
  }

  /** The value of a keyword entry. */
  static Value value(Value entry) {
    return ((Value.TupleOf) entry).items().get(1);
  }

  /** The first value under {@code key} ({@code Keyword.get/2}), if the list is a keyword list holding it. */
  public static Optional<Value> get(Value list, String key) {
    if (!isKeyword(list)) {
      return Optional.empty();
    }
    for (Value e : ((Value.ListOf) list).items()) {
      if (key(e).equals(key)) {
        return Optional.of(value(e));
      }
    }
    return Optional.empty();
  }

  /** The keys of a keyword list, in order. */
  public static List<String> keys(Value list) {
    return isKeyword(list) ? ((Value.ListOf) list).items().stream().map(Keywords::key).toList() : List.of();
  }

  /** {@code Keyword.merge(kw1, kw2, &deep_merge/3)}. */
  static Value.ListOf deepMerge(Value.ListOf kw1, Value.ListOf kw2, Origin origin) {
    List<Value> original = new ArrayList<>(kw1.items());
    List<Value> rest = new ArrayList<>(kw1.items());
    List<Value> acc = new ArrayList<>();
    for (Value e2 : kw2.items()) {
      String k = key(e2);
      int found = -1;
      for (int j = 0; j < original.size(); j++) {
        if (key(original.get(j)).equals(k)) {
          found = j;
          break;
        }
      }
      if (found >= 0) {
        Value v1 = value(original.get(found));
        Value v2 = value(e2);
        Value merged = isKeyword(v1) && isKeyword(v2) ? deepMerge((Value.ListOf) v1, (Value.ListOf) v2, v2.origin()) : v2;
        acc.add(new Value.TupleOf(List.of(((Value.TupleOf) e2).items().get(0), merged), e2.origin()));
        original.remove(found);
        rest.removeIf(e -> key(e).equals(k));
      } else {
        acc.add(e2);
      }
    }
    List<Value> out = new ArrayList<>(rest);
    out.addAll(acc);
    return new Value.ListOf(out, origin);
  }

  /** {@code Config.__merge__/2}: {@code config} (a list of {@code {app, keyword}}) with {@code more} merged in. */
  static Value.ListOf configMerge(Value.ListOf config, Value.ListOf more, Origin origin) {
    List<Value> original = new ArrayList<>(config.items());
    List<Value> rest = new ArrayList<>(config.items());
    List<Value> acc = new ArrayList<>();
    for (Value e2 : more.items()) {
      String app = key(e2);
      int found = -1;
      for (int j = 0; j < original.size(); j++) {
        if (key(original.get(j)).equals(app)) {
          found = j;
          break;
        }
      }
      if (found >= 0) {
        Value a1 = value(original.get(found));
        Value a2 = value(e2);
        Value merged = isKeyword(a1) && isKeyword(a2) ? deepMerge((Value.ListOf) a1, (Value.ListOf) a2, a2.origin()) : a2;
        acc.add(new Value.TupleOf(List.of(((Value.TupleOf) e2).items().get(0), merged), e2.origin()));
        original.remove(found);
        rest.removeIf(e -> key(e).equals(app));
      } else {
        acc.add(e2);
      }
    }
    List<Value> out = new ArrayList<>(rest);
    out.addAll(acc);
    return new Value.ListOf(out, origin);
  }
}
