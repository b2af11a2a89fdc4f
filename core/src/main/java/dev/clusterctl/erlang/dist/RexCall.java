package dev.clusterctl.erlang.dist;

import dev.clusterctl.erlang.term.Atom;
import dev.clusterctl.erlang.term.IntTerm;
import dev.clusterctl.erlang.term.ListTerm;
import dev.clusterctl.erlang.term.Pid;
import dev.clusterctl.erlang.term.Term;
import dev.clusterctl.erlang.term.Tuple;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A remote procedure call through the node's {@code rex} server (what {@code rpc:call/4} does),
 * on a connection whose handshake is complete. Ticks from the node are answered with ticks
 * while waiting, and frames that are not the answer are skipped.
 *
 * <p>Wire format (<a href="https://www.erlang.org/doc/apps/erts/erl_dist_protocol.html#protocol-between-connected-nodes">spec</a>):
 * {@code Len:u32 | 112 | 131 Control | 131 Message}; the request is a {@code REG_SEND}
 * {@code {6, FromPid, '', rex}} with message {@code {FromPid, {call, M, F, Args, user}}}; the
 * answer comes as {@code SEND} {@code {2, '', FromPid}} with message {@code {rex, Result}}.
 */
final class RexCall {

  /** Largest frame accepted from the node (a {@code nodes()} list of tens of thousands of names fits). */
  static final int MAX_FRAME = 16 << 20;

  private static final int PASS_THROUGH = 112;
  private static final int REG_SEND = 6;
  private static final int SEND = 2;
  private static final int SEND_SENDER = 22;

  private RexCall() {}

  /** Calls {@code module:function(args...)} on the node and returns its result. */
  static Term call(PeerChannel channel, Pid self, String module, String function, List<Term> args)
      throws IOException {
    Term control = Tuple.of(IntTerm.of(REG_SEND), self, new Atom(""), new Atom("rex"));
    Term message =
        Tuple.of(
            self,
            Tuple.of(new Atom("call"), new Atom(module), new Atom(function), ListTerm.of(args), new Atom("user")));
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(PASS_THROUGH);
    payload.writeBytes(EtfEncoder.encode(control));
    payload.writeBytes(EtfEncoder.encode(message));
    channel.writeFrame(payload.toByteArray());
    String waiting = "waiting for the answer to rpc " + module + ":" + function + "/" + args.size();
    while (true) {
      byte[] frame = channel.readFrame(MAX_FRAME, waiting);
      if (frame.length == 0) {
        channel.writeFrame(frame);
        continue;
      }
      if ((frame[0] & 0xFF) != PASS_THROUGH) {
        throw new DistProtocolException(
            "expected a pass-through frame (112) from the node, got byte " + (frame[0] & 0xFF));
      }
      EtfDecoder d = new EtfDecoder(frame, 1, frame.length);
      Term ctl = d.readVersionedTerm();
      if (!(ctl instanceof Tuple t) || t.arity() < 3 || !(t.get(0) instanceof IntTerm op)) {
        throw new DistProtocolException("malformed control message from the node");
      }
      int opcode = op.value().intValue();
      if ((opcode != SEND && opcode != SEND_SENDER) || d.atEnd()) {
        continue;
      }
      Term msg = d.readVersionedTerm();
      if (msg instanceof Tuple reply && reply.arity() == 2 && new Atom("rex").equals(reply.get(0))) {
        return reply.get(1);
      }
    }
  }

  /** Calls {@code erlang:nodes()} and returns the names of the nodes it lists. */
  static List<String> nodes(PeerChannel channel, Pid self) throws IOException {
    Term result = call(channel, self, "erlang", "nodes", List.of());
    if (!(result instanceof ListTerm list) || !list.isProper()) {
      throw new DistProtocolException("rpc erlang:nodes/0 answered " + shortText(result) + ", not a list");
    }
    List<String> names = new ArrayList<>();
    for (Term t : list.elements()) {
      if (!(t instanceof Atom a)) {
        throw new DistProtocolException("rpc erlang:nodes/0 listed a non-atom: " + shortText(t));
      }
      names.add(a.name());
    }
    return names;
  }

  private static String shortText(Term t) {
    String s = String.valueOf(t);
    return s.length() > 80 ? s.substring(0, 80) + "…" : s;
  }
}
