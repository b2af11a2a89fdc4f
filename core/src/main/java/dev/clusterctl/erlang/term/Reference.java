package dev.clusterctl.erlang.term;

import java.util.List;

/**
 * A reference ({@code make_ref()}), as carried by the
 * <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html#newer_reference_ext">external
 * term format</a> ({@code NEWER_REFERENCE_EXT}).
 *
 * @param node the node that made the reference
 * @param creation the node's creation
 * @param ids the reference's 32-bit words, as unsigned numbers
 */
public record Reference(String node, long creation, List<Long> ids) implements Term {

  /** A reference holding a copy of {@code ids}. */
  public Reference {
    ids = List.copyOf(ids);
  }

  @Override
  public String toString() {
    return "#Ref<" + node + "." + ids + ">";
  }
}
