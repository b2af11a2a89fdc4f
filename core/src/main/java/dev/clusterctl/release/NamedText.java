package dev.clusterctl.release;

/**
 * The text of an input file and the name it is shown by ({@code rel/env.sh.eex},
 * {@code releases/0.1.0/vm.args}); the name's ending tells how it is read ({@code .eex},
 * {@code .src}).
 *
 * @param name the file's name
 * @param text its text
 */
public record NamedText(String name, String text) {

  /** The name only: the text may hold secrets. */
  @Override
  public String toString() {
    return name;
  }
}
