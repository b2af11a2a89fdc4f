package dev.clusterctl.erlang.term;

/** An atom such as {@code dns} or {@code 'app@host.example'}. */
public record Atom(String name) implements Term {

  /** The atom {@code true}. */
  public static final Atom TRUE = new Atom("true");
  /** The atom {@code false}. */
  public static final Atom FALSE = new Atom("false");

  @Override
  public String toString() {
    return name;
  }
}
