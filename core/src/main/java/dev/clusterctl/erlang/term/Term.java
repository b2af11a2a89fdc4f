package dev.clusterctl.erlang.term;

/**
 * An Erlang term, as read from a text file (sys.config) or decoded from the
 * <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html">external term format</a>.
 *
 * <p>The kinds are the records in this package. Strings are lists of integers in Erlang; use
 * {@link Terms#text(Term)} to read either a charlist or a binary as Java text.
 */
public interface Term {}
