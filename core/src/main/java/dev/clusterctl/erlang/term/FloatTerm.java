package dev.clusterctl.erlang.term;

/** A float. */
public record FloatTerm(double value) implements Term {}
