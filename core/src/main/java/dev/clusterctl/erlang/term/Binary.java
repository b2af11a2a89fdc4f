package dev.clusterctl.erlang.term;

import java.util.Arrays;

/** A binary such as {@code <<"text">>}. */
public record Binary(byte[] bytes) implements Term {

  @Override
  public boolean equals(Object o) {
    return o instanceof Binary b && Arrays.equals(bytes, b.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "<<" + bytes.length + " bytes>>";
  }
}
