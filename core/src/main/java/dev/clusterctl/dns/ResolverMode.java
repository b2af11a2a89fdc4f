package dev.clusterctl.dns;

import java.time.Duration;
import java.util.Locale;

/**
 * Whose rules a lookup follows on the wire: how long each answer is waited for, which failures
 * make it ask the next server, and which servers are asked again in the next round.
 *
 * <ul>
 *   <li>{@link #ERLANG}, the default: Erlang's {@code inet_res} (OTP 25's {@code query_nss} and
 *       {@code query_ns}), what a discovery library in a node does. Its own options apply
 *       ({@code timeout} 2000 ms, {@code retry} 3); resolv.conf's {@code timeout:} and
 *       {@code attempts:} are not read.
 *   <li>{@link #LIBC}: glibc's {@code res_send} (its {@code send_dg} wait per server), for
 *       comparison with what {@code getent}, {@code curl} or a JVM in the same pod see; resolv.conf's
 *       {@code timeout:} and {@code attempts:} apply.
 * </ul>
 */
public enum ResolverMode {
  /** Erlang's {@code inet_res}. */
  ERLANG,
  /** glibc's {@code res_send}. */
  LIBC;

  /** {@code inet_res}'s default {@code timeout} option, in milliseconds. */
  public static final Duration ERLANG_TIMEOUT = Duration.ofMillis(2000);

  /** {@code inet_res}'s default {@code retry} option: rounds through the server list. */
  public static final int ERLANG_RETRY = 3;

  /**
   * {@code inet_res}'s {@code servfail_retry_timeout} (1500 ms): a server that answered SERVFAIL is
   * asked again in the next round, but not sooner than this after its SERVFAIL, and only when the
   * lookup has that much time left.
   */
  public static final Duration ERLANG_SERVFAIL_RETRY_DELAY = Duration.ofMillis(1500);

  /** {@code inet_res} gives a TCP exchange five times its {@code timeout} (connect and whole answer). */
  public static final int ERLANG_TCP_FACTOR = 5;

  /** The lower-case id used on the command line and in JSON ({@code erlang}, {@code libc}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode with this id, case-insensitive. */
  public static ResolverMode fromId(String id) {
    return valueOf(id.toUpperCase(Locale.ROOT));
  }

  /** The resolver timeout this mode uses when none is given: 2000 ms for Erlang, resolv.conf's (5 s by default) for glibc. */
  public Duration defaultTimeout(ResolvConf conf) {
    return this == ERLANG ? ERLANG_TIMEOUT : Duration.ofSeconds(conf.timeoutSeconds());
  }

  /** The rounds through the server list this mode makes when none are given: 3 for Erlang, resolv.conf's attempts (2) for glibc. */
  public int defaultTries(ResolvConf conf) {
    return this == ERLANG ? ERLANG_RETRY : conf.attempts();
  }

  /**
   * How long one UDP question waits for its answer.
   *
   * <ul>
   *   <li>Erlang: {@code timeout × 2^round ÷ retry}, whatever the number of servers (with the
   *       defaults 666, 1333 and 2666 ms); each server of the round gets that wait.
   *   <li>glibc: {@code timeout} for the first server, {@code timeout × 2^index ÷ servers} for the
   *       others, in whole seconds and at least one ({@code send_dg}).
   * </ul>
   *
   * @param timeout the resolver timeout
   * @param tries the rounds through the server list
   * @param round the round, from 0
   * @param serverIndex the server's place in the list, from 0
   * @param servers how many servers there are
   */
  public Duration udpWait(Duration timeout, int tries, int round, int serverIndex, int servers) {
    if (this == ERLANG) {
      return Duration.ofMillis(Math.max(0, shifted(timeout.toMillis(), round) / tries));
    }
    if (serverIndex == 0) {
      return timeout;
    }
    long seconds = shifted(timeout.toSeconds(), serverIndex) / Math.max(1, servers);
    return Duration.ofSeconds(Math.max(1, seconds));
  }

  /**
   * How long one TCP exchange (connect, question and the whole answer) may take: five times the
   * timeout for Erlang ({@code query_tcp} is given {@code timeout × 5}), the timeout for glibc.
   */
  public Duration tcpWait(Duration timeout) {
    return this == ERLANG ? saturatedTimes(timeout, ERLANG_TCP_FACTOR) : timeout;
  }

  /**
   * The longest one absolute name can take under these rules with nothing answering: every round's
   * wait for every server (TCP waits when {@code tcp}), SERVFAIL pauses and truncated answers aside.
   */
  public Duration scheduleFor(Duration timeout, int tries, int servers, boolean tcp) {
    long total = 0;
    for (int round = 0; round < tries; round++) {
      for (int s = 0; s < servers; s++) {
        Duration wait = tcp ? tcpWait(timeout) : udpWait(timeout, tries, round, s, servers);
        total = saturatedAdd(total, wait.toMillis());
      }
    }
    return Duration.ofMillis(total);
  }

  /** What these rules make of the outcome of one exchange. */
  Next after(Outcome outcome) {
    return this == ERLANG ? erlang(outcome) : libc(outcome);
  }

  /**
   * True when a reply of this kind arriving over {@code transport} is dropped and the wait goes on
   * (rather than ending the exchange). Erlang drops only UDP datagrams with another message ID;
   * glibc also drops replies to another question, undecodable ones and non-responses
   * ({@code res_queriesmatch}, RFC 5452 section 9.1).
   */
  boolean dropsAndWaits(Outcome.Kind kind, Transport transport) {
    if (kind == Outcome.Kind.WRONG_ID) {
      return this == LIBC || transport == Transport.UDP;
    }
    return this == LIBC && transport == Transport.UDP
        && (kind == Outcome.Kind.WRONG_QUESTION || kind == Outcome.Kind.UNDECODABLE || kind == Outcome.Kind.NOT_A_RESPONSE);
  }

  private static Next erlang(Outcome o) {
    return switch (o.kind()) {
      case RESPONSE -> switch (o.status()) {
        case NOERROR, NODATA, NXDOMAIN -> Next.ANSWER;
        case SERVFAIL -> Next.ASK_AGAIN_AFTER_PAUSE;
        case REFUSED, FORMERR, NOTIMP -> Next.NEXT_SERVER;
        // YXDOMAIN, YXRRSET, NXRRSET, NOTAUTH, NOTZONE fall into inet_res's catch-all (asked again);
        // BADVERS and unknown codes are not retried
        default -> o.rcode() >= 6 && o.rcode() <= 10 ? Next.ASK_AGAIN : Next.NEXT_SERVER;
      };
      case PORT_CLOSED, UNREACHABLE, UNDECODABLE, NOT_A_RESPONSE -> Next.NEXT_SERVER;
      case TIMEOUT, WRONG_QUESTION, WRONG_ID, CLOSED, OTHER -> Next.ASK_AGAIN;
    };
  }

  private static Next libc(Outcome o) {
    if (o.kind() == Outcome.Kind.RESPONSE) {
      return switch (o.status()) {
        case SERVFAIL, NOTIMP, REFUSED -> Next.ASK_AGAIN;
        default -> Next.ANSWER;
      };
    }
    return Next.ASK_AGAIN;
  }

  /** What comes after one exchange. */
  enum Next {
    /** The response settles the name: no other server is asked. */
    ANSWER,
    /** Ask the next server now, and never this one again for this name. */
    NEXT_SERVER,
    /** Ask the next server now, and this one again in the next round. */
    ASK_AGAIN,
    /** Ask the next server now, and this one again in the next round after the SERVFAIL pause. */
    ASK_AGAIN_AFTER_PAUSE
  }

  private static long shifted(long value, int bits) {
    if (bits >= 62 || value > (Long.MAX_VALUE >> bits)) {
      return Long.MAX_VALUE / 4;
    }
    return value << bits;
  }

  private static long saturatedAdd(long a, long b) {
    long r = a + b;
    return r < 0 || r > Long.MAX_VALUE / 4 ? Long.MAX_VALUE / 4 : r;
  }

  private static Duration saturatedTimes(Duration d, int factor) {
    long ms = d.toMillis();
    return Duration.ofMillis(ms > Long.MAX_VALUE / 4 / factor ? Long.MAX_VALUE / 4 : ms * factor);
  }
}
