package dev.clusterctl.erlang.term;

import java.math.BigInteger;

/** An integer of any size. */
public record IntTerm(BigInteger value) implements Term {

  /** An integer term holding {@code v}. */
  public static IntTerm of(long v) {
    return new IntTerm(BigInteger.valueOf(v));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
