package dev.clusterctl.erlang.dist;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.Binary;
import dev.clusterctl.erlang.term.FloatTerm;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.MapTerm;
import dev.clusterctl.erlang.term.Pid;
import dev.clusterctl.erlang.term.Port;
import dev.clusterctl.erlang.term.Reference;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.Tuple;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads terms in the <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html">external
 * term format</a> from a byte range, as they arrive from a peer node.
 *
 * <p>Built for untrusted input: every length is checked against the bytes that are really there
 * before anything is allocated, nesting is bounded, and any violation is a
 * {@link DistProtocolException} naming the offset, never an unchecked exception or a huge
 * allocation. Funs, bit strings, compressed terms and atom-cache references are refused
 * (the probe never asks for them).
 */
public final class EtfDecoder {

  /** Deepest nesting of tuples, lists and maps accepted. */
  static final int MAX_DEPTH = 256;

  private final byte[] data;
  private final int end;
  private int pos;

  /** A decoder over {@code data[offset, end)}. */
  public EtfDecoder(byte[] data, int offset, int end) {
    if (offset < 0 || end > data.length || offset > end) {
      throw new IllegalArgumentException("bad range " + offset + ".." + end);
    }
    this.data = data;
    this.pos = offset;
    this.end = end;
  }

  /** Decodes one whole term ({@code 131} then the term) that must fill {@code data}. */
  public static Term decode(byte[] data) throws DistProtocolException {
    EtfDecoder d = new EtfDecoder(data, 0, data.length);
    Term t = d.readVersionedTerm();
    if (d.pos != d.end) {
      throw new DistProtocolException((d.end - d.pos) + " unexpected bytes after the term at offset " + d.pos);
    }
    return t;
  }

  /** The offset of the next unread byte. */
  public int position() {
    return pos;
  }

  /** True when every byte of the range has been read. */
  public boolean atEnd() {
    return pos == end;
  }

  /** Reads the version byte {@code 131} and the term after it. */
  public Term readVersionedTerm() throws DistProtocolException {
    int v = u8();
    if (v != EtfTags.VERSION) {
      throw new DistProtocolException("expected term version byte 131 at offset " + (pos - 1) + ", got " + v);
    }
    return readTerm(0);
  }

  private Term readTerm(int depth) throws DistProtocolException {
    if (depth > MAX_DEPTH) {
      throw new DistProtocolException("term nested deeper than " + MAX_DEPTH + " levels");
    }
    int at = pos;
    int tag = u8();
    switch (tag) {
      case EtfTags.SMALL_INTEGER:
        return IntTerm.of(u8());
      case EtfTags.INTEGER:
        return IntTerm.of((int) u32());
      case EtfTags.SMALL_BIG:
        return big(u8());
      case EtfTags.LARGE_BIG:
        return big(count(u32(), 1));
      case EtfTags.NEW_FLOAT:
        return new FloatTerm(Double.longBitsToDouble(u64()));
      case EtfTags.FLOAT:
        return oldFloat();
      case EtfTags.ATOM_UTF8:
      case EtfTags.ATOM:
        return new Atom(text(u16(), tag == EtfTags.ATOM_UTF8));
      case EtfTags.SMALL_ATOM_UTF8:
      case EtfTags.SMALL_ATOM:
        return new Atom(text(u8(), tag == EtfTags.SMALL_ATOM_UTF8));
      case EtfTags.SMALL_TUPLE:
        return tuple(u8(), depth);
      case EtfTags.LARGE_TUPLE:
        return tuple(count(u32(), 1), depth);
      case EtfTags.NIL:
        return ListTerm.NIL;
      case EtfTags.STRING:
        return string(u16());
      case EtfTags.LIST:
        return list(count(u32(), 1), depth);
      case EtfTags.BINARY:
        return new Binary(bytes(count(u32(), 1)));
      case EtfTags.MAP:
        return map(count(u32(), 2), depth);
      case EtfTags.NEW_PID:
        return new Pid(nodeAtom(depth), u32(), u32(), u32());
      case EtfTags.PID:
        return new Pid(nodeAtom(depth), u32(), u32(), u8());
      case EtfTags.NEW_PORT:
        return new Port(nodeAtom(depth), u32(), u32());
      case EtfTags.V4_PORT:
        return new Port(nodeAtom(depth), u64(), u32());
      case EtfTags.PORT:
        return new Port(nodeAtom(depth), u32(), u8());
      case EtfTags.NEWER_REFERENCE:
      case EtfTags.NEW_REFERENCE:
        return reference(tag == EtfTags.NEWER_REFERENCE, depth);
      case EtfTags.NEW_FUN:
      case EtfTags.EXPORT:
        throw new DistProtocolException("unsupported term at offset " + at + ": a fun (tag " + tag + ")");
      case EtfTags.BIT_BINARY:
        throw new DistProtocolException("unsupported term at offset " + at + ": a bit string (tag 77)");
      case EtfTags.COMPRESSED:
        throw new DistProtocolException("unsupported term at offset " + at + ": a compressed term (tag 80)");
      case EtfTags.ATOM_CACHE_REF:
        throw new DistProtocolException("unexpected atom-cache reference at offset " + at + " (the probe does not negotiate an atom cache)");
      default:
        throw new DistProtocolException("unknown term tag " + tag + " at offset " + at);
    }
  }

  private Term tuple(int arity, int depth) throws DistProtocolException {
    List<Term> elements = new ArrayList<>(Math.min(arity, 1024));
    for (int i = 0; i < arity; i++) {
      elements.add(readTerm(depth + 1));
    }
    return new Tuple(List.copyOf(elements));
  }

  private Term list(int n, int depth) throws DistProtocolException {
    List<Term> elements = new ArrayList<>(Math.min(n, 1024));
    for (int i = 0; i < n; i++) {
      elements.add(readTerm(depth + 1));
    }
    Term tail = readTerm(depth + 1);
    if (ListTerm.NIL.equals(tail)) {
      return ListTerm.of(elements);
    }
    return new ListTerm(List.copyOf(elements), tail);
  }

  private Term string(int n) throws DistProtocolException {
    need(n);
    List<Term> chars = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      chars.add(IntTerm.of(data[pos++] & 0xFF));
    }
    return ListTerm.of(chars);
  }

  private Term map(int n, int depth) throws DistProtocolException {
    Map<Term, Term> entries = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      Term k = readTerm(depth + 1);
      entries.put(k, readTerm(depth + 1));
    }
    return new MapTerm(entries);
  }

  private Term reference(boolean newer, int depth) throws DistProtocolException {
    int len = u16();
    if (len > 5) {
      throw new DistProtocolException("reference with " + len + " words at offset " + pos + " (at most 5)");
    }
    String node = nodeAtom(depth);
    long creation = newer ? u32() : u8();
    List<Long> ids = new ArrayList<>(len);
    for (int i = 0; i < len; i++) {
      ids.add(u32());
    }
    return new Reference(node, creation, ids);
  }

  private String nodeAtom(int depth) throws DistProtocolException {
    int at = pos;
    Term t = readTerm(depth + 1);
    if (!(t instanceof Atom a)) {
      throw new DistProtocolException("expected a node atom at offset " + at);
    }
    return a.name();
  }

  private Term big(int n) throws DistProtocolException {
    int sign = u8();
    need(n);
    byte[] be = new byte[n + 1];
    for (int i = 0; i < n; i++) {
      be[n - i] = data[pos++];
    }
    BigInteger v = new BigInteger(be);
    return new IntTerm(sign == 0 ? v : v.negate());
  }

  private Term oldFloat() throws DistProtocolException {
    String s = new String(bytes(31), StandardCharsets.ISO_8859_1).trim();
    int nul = s.indexOf('\0');
    try {
      return new FloatTerm(Double.parseDouble(nul >= 0 ? s.substring(0, nul) : s));
    } catch (NumberFormatException e) {
      throw new DistProtocolException("malformed FLOAT_EXT at offset " + (pos - 31));
    }
  }

  /** A count of items each at least {@code minBytes} long, refused when the rest of the data cannot hold them. */
  private int count(long n, int minBytes) throws DistProtocolException {
    if (n < 0 || n * minBytes > end - pos) {
      throw new DistProtocolException(
          "length " + n + " at offset " + (pos - 4) + " exceeds the " + (end - pos) + " bytes left");
    }
    return (int) n;
  }

  private String text(int n, boolean utf8) throws DistProtocolException {
    return new String(bytes(n), utf8 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
  }

  private byte[] bytes(int n) throws DistProtocolException {
    need(n);
    byte[] b = new byte[n];
    System.arraycopy(data, pos, b, 0, n);
    pos += n;
    return b;
  }

  private void need(int n) throws DistProtocolException {
    if (n > end - pos) {
      throw new DistProtocolException(
          "term truncated at offset " + pos + ": " + n + " bytes needed, " + (end - pos) + " left");
    }
  }

  private int u8() throws DistProtocolException {
    need(1);
    return data[pos++] & 0xFF;
  }

  private int u16() throws DistProtocolException {
    need(2);
    int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  private long u32() throws DistProtocolException {
    need(4);
    long v = 0;
    for (int i = 0; i < 4; i++) {
      v = (v << 8) | (data[pos++] & 0xFF);
    }
    return v;
  }

  private long u64() throws DistProtocolException {
    return (u32() << 32) | u32();
  }
}
