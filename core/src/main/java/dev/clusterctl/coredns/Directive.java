package dev.clusterctl.coredns;

import java.util.List;
import java.util.Optional;

/**
 * One line of a Corefile block: a plugin (in a server block) or one of its properties (in the
 * plugin's own block); {@code {$VAR}} placeholders are kept as written.
 *
 * @param name the first token, e.g. {@code kubernetes} or {@code ttl}
 * @param args the other tokens on the line (and after the nested block, if any)
 * @param block the lines inside {@code { ... }} following the arguments; empty when there is none
 * @param line 1-based line of {@code name}
 * @param column 1-based column of {@code name}
 */
public record Directive(String name, List<String> args, List<Directive> block, int line, int column) {

  /** Copies the lists. */
  public Directive {
    args = List.copyOf(args);
    block = List.copyOf(block);
  }

  /** The first line named {@code name} in this directive's block. */
  public Optional<Directive> property(String name) {
    return block.stream().filter(d -> d.name().equals(name)).findFirst();
  }
}
