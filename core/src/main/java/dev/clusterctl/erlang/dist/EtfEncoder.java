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
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes terms in the <a href="https://www.erlang.org/doc/apps/erts/erl_ext_dist.html">external
 * term format</a>, choosing the compact encodings OTP 25+ expects (UTF-8 atoms, new floats, big
 * creation in pids).
 */
public final class EtfEncoder {

  private static final BigInteger INT32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private EtfEncoder() {}

  /** {@code term} with the leading version byte 131, as {@code term_to_binary/1} would write it. */
  public static byte[] encode(Term term) {
    EtfEncoder e = new EtfEncoder();
    e.out.write(EtfTags.VERSION);
    e.write(term);
    return e.out.toByteArray();
  }

  private void write(Term term) {
    if (term instanceof Atom a) {
      writeAtom(a.name());
    } else if (term instanceof IntTerm i) {
      writeInteger(i.value());
    } else if (term instanceof FloatTerm f) {
      out.write(EtfTags.NEW_FLOAT);
      u64(Double.doubleToRawLongBits(f.value()));
    } else if (term instanceof Binary b) {
      out.write(EtfTags.BINARY);
      u32(b.bytes().length);
      out.writeBytes(b.bytes());
    } else if (term instanceof Tuple t) {
      if (t.arity() <= 255) {
        out.write(EtfTags.SMALL_TUPLE);
        out.write(t.arity());
      } else {
        out.write(EtfTags.LARGE_TUPLE);
        u32(t.arity());
      }
      t.elements().forEach(this::write);
    } else if (term instanceof ListTerm l) {
      writeList(l);
    } else if (term instanceof MapTerm m) {
      out.write(EtfTags.MAP);
      u32(m.entries().size());
      for (Map.Entry<Term, Term> e : m.entries().entrySet()) {
        write(e.getKey());
        write(e.getValue());
      }
    } else if (term instanceof Pid p) {
      out.write(EtfTags.NEW_PID);
      writeAtom(p.node());
      u32(p.id());
      u32(p.serial());
      u32(p.creation());
    } else if (term instanceof Reference r) {
      out.write(EtfTags.NEWER_REFERENCE);
      u16(r.ids().size());
      writeAtom(r.node());
      u32(r.creation());
      r.ids().forEach(this::u32);
    } else if (term instanceof Port p) {
      boolean wide = p.id() < 0 || p.id() > 0xFFFFFFFFL;
      out.write(wide ? EtfTags.V4_PORT : EtfTags.NEW_PORT);
      writeAtom(p.node());
      if (wide) {
        u64(p.id());
      } else {
        u32(p.id());
      }
      u32(p.creation());
    } else {
      throw new IllegalArgumentException("cannot encode " + term.getClass().getSimpleName());
    }
  }

  private void writeList(ListTerm l) {
    if (l.elements().isEmpty() && l.isProper()) {
      out.write(EtfTags.NIL);
      return;
    }
    out.write(EtfTags.LIST);
    u32(l.elements().size());
    l.elements().forEach(this::write);
    if (l.isProper()) {
      out.write(EtfTags.NIL);
    } else {
      write(l.tail());
    }
  }

  private void writeAtom(String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 255) {
      out.write(EtfTags.SMALL_ATOM_UTF8);
      out.write(bytes.length);
    } else {
      out.write(EtfTags.ATOM_UTF8);
      u16(bytes.length);
    }
    out.writeBytes(bytes);
  }

  private void writeInteger(BigInteger v) {
    if (v.signum() >= 0 && v.bitLength() <= 8) {
      out.write(EtfTags.SMALL_INTEGER);
      out.write(v.intValue());
    } else if (v.compareTo(INT32_MIN) >= 0 && v.compareTo(INT32_MAX) <= 0) {
      out.write(EtfTags.INTEGER);
      u32(v.intValue());
    } else {
      byte[] be = v.abs().toByteArray();
      int start = be[0] == 0 ? 1 : 0;
      int n = be.length - start;
      if (n <= 255) {
        out.write(EtfTags.SMALL_BIG);
        out.write(n);
      } else {
        out.write(EtfTags.LARGE_BIG);
        u32(n);
      }
      out.write(v.signum() < 0 ? 1 : 0);
      for (int i = be.length - 1; i >= start; i--) {
        out.write(be[i]);
      }
    }
  }

  private void u16(int v) {
    out.write(v >>> 8);
    out.write(v);
  }

  private void u32(long v) {
    out.write((int) (v >>> 24));
    out.write((int) (v >>> 16));
    out.write((int) (v >>> 8));
    out.write((int) v);
  }

  private void u64(long v) {
    u32(v >>> 32);
    u32(v);
  }
}
