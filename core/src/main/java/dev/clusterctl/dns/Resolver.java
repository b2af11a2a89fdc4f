package dev.clusterctl.dns;

import dev.clusterctl.error.BadInputException;
import dev.clusterctl.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;

/**
 * Looks names up the way a discovery library does and keeps every step: candidates from the
 * search rules, each asked of the servers round after round by the rules of the configured
 * {@link ResolverMode} (Erlang's {@code inet_res} by default), UDP answers with the TC bit asked
 * again over TCP (RFC 1035 4.2.1, RFC 7766 section 5), replies checked against the question
 * (RFC 5452 section 9.1). Every lookup runs under one overall {@link Deadline}; every wait ends at
 * it, and at once when the thread is interrupted ({@link dev.clusterctl.error.InterruptedRunException}).
 *
 * <p>Thread-safe: one resolver may serve many lookups at once ({@link #lookupAll}).
 */
public final class Resolver {

  /** How many lookups {@link #lookupAll} keeps in flight at most by default. */
  public static final int MAX_IN_FLIGHT = 32;

  /** Sleeps before a server is asked again (after SERVFAIL); tests replace it. */
  @FunctionalInterface
  interface Pause {
    /** Sleeps for {@code pause}, or until {@code deadline} when that comes first. */
    void sleep(Duration pause, Deadline deadline) throws InterruptedException;
  }

  private final DnsConfig config;
  private final DnsClient client;
  private final Pause pause;

  /** A resolver that sends through {@code client} (tests pass synthetic ones). */
  public Resolver(DnsConfig config, DnsClient client) {
    this(config, client, (p, d) -> d.sleep(p));
  }

  /** A resolver with its own pause (tests: no real sleeping). */
  Resolver(DnsConfig config, DnsClient client, Pause pause) {
    this.config = config;
    this.client = client;
    this.pause = pause;
  }

  /** A resolver that asks the configured servers over the network. */
  public static Resolver of(DnsConfig config) {
    return new Resolver(config, new SocketDnsClient());
  }

  /** The configuration this resolver uses. */
  public DnsConfig config() {
    return config;
  }

  /**
   * Looks {@code name} up for {@code type} within the configuration's lookup budget
   * ({@link DnsConfig#lookupBudget}), counted from the moment the first question is ready to go
   * (so that a cold start of the DNS library cannot eat it); see {@link #lookup(String, int, Deadline)}.
   *
   * @throws BadInputException when the name is invalid or no server is configured
   */
  public LookupResult lookup(String name, int type) {
    DomainNames.lookupName(name);
    return lookup(name, type, fromFirstQuestion(config.lookupBudget(name)));
  }

  /**
   * Looks {@code name} up for {@code type} within {@code budget} counted from the first question, as
   * {@code inet_res:getbyname/3} with a {@code Timeout} does (gen_cluster passes 5000 ms): every
   * candidate of the search list shares it.
   *
   * @throws BadInputException when the name is invalid or no server is configured
   */
  public LookupResult lookupWithin(String name, int type, Duration budget) {
    DomainNames.lookupName(name);
    return lookup(name, type, fromFirstQuestion(budget));
  }

  /**
   * Looks {@code name} up for {@code type}, expanding it with the configured search rules and
   * stopping at the first candidate with records, at a failure that ends the search, or at
   * {@code deadline} (the candidates not reached are not in the result).
   *
   * @throws BadInputException when the name is invalid or no server is configured
   * @throws dev.clusterctl.error.InterruptedRunException when the thread is interrupted
   */
  public LookupResult lookup(String name, int type, Deadline deadline) {
    return lookup(name, type, () -> deadline);
  }

  private LookupResult lookup(String name, int type, Supplier<Deadline> deadline) {
    DomainNames.lookupName(name);
    requireServers();
    List<Attempt> attempts = new ArrayList<>();
    for (String candidate : config.candidates(name)) {
      if (!attempts.isEmpty() && deadline.get().expired()) {
        break;
      }
      Attempt a = new NameQuery(config, client, pause).run(candidate, type, deadline);
      attempts.add(a);
      if (a.status() == Status.NOERROR || !config.searchMode().continuesAfter(a.status())) {
        break;
      }
    }
    return new LookupResult(name, type, config.searchMode(), attempts, notes());
  }

  /**
   * Looks up an absolute name (as {@code inet_res:lookup/3} does: no search list) within
   * {@link DnsConfig#nameBudget}, counted from the first question.
   */
  public LookupResult lookupAbsolute(String name, int type) {
    return lookupAbsolute(name, type, fromFirstQuestion(config.nameBudget()));
  }

  /**
   * Looks up an absolute name, no search list, by {@code deadline}.
   *
   * @throws BadInputException when the name is invalid or no server is configured
   * @throws dev.clusterctl.error.InterruptedRunException when the thread is interrupted
   */
  public LookupResult lookupAbsolute(String name, int type, Deadline deadline) {
    return lookupAbsolute(name, type, () -> deadline);
  }

  private LookupResult lookupAbsolute(String name, int type, Supplier<Deadline> deadline) {
    String absolute = name.endsWith(".") ? name : name + ".";
    DomainNames.lookupName(absolute);
    requireServers();
    Attempt a = new NameQuery(config, client, pause).run(absolute, type, deadline);
    return new LookupResult(name, type, SearchMode.NONE, List.of(a), notes());
  }

  /** Asks the servers about one absolute name, round after round, within {@link DnsConfig#nameBudget} from the first question. */
  public Attempt query(String absoluteName, int type) {
    return new NameQuery(config, client, pause).run(absoluteName, type, fromFirstQuestion(config.nameBudget()));
  }

  /**
   * Asks the servers about one absolute name, round after round, until one settles it, the rounds
   * are over or {@code deadline} passes.
   *
   * @throws dev.clusterctl.error.InterruptedRunException when the thread is interrupted
   */
  public Attempt query(String absoluteName, int type, Deadline deadline) {
    return new NameQuery(config, client, pause).run(absoluteName, type, () -> deadline);
  }

  /**
   * Looks up every question (absolute names, no search list) concurrently, at most
   * {@link #MAX_IN_FLIGHT} at a time, all by {@code deadline}; see {@link #lookupAll(List, Deadline, int)}.
   */
  public BatchResult lookupAll(List<Question> questions, Deadline deadline) {
    return lookupAll(questions, deadline, MAX_IN_FLIGHT);
  }

  /**
   * Looks up every question concurrently, at most {@code maxInFlight} at a time, all under one
   * budget: each lookup runs its own rules within {@code deadline}, a question whose turn comes
   * after it is not asked ({@link Status#NOT_ASKED}), and the call returns by the deadline (plus
   * the moment it takes to close the sockets). The result says which lookups were left unanswered.
   *
   * @throws BadInputException when a name is invalid or no server is configured
   * @throws dev.clusterctl.error.InterruptedRunException when the calling thread is interrupted
   *     (every lookup in flight is stopped first)
   */
  public BatchResult lookupAll(List<Question> questions, Deadline deadline, int maxInFlight) {
    requireServers();
    questions.forEach(q -> DomainNames.lookupName(q.name()));
    return new BatchRunner(this, maxInFlight).run(questions, deadline);
  }

  /** The {@link Status} a response means for a question of {@code type} (its own question's name). */
  public static Status status(Message response, int type) {
    Record q = response.getQuestion();
    return status(response, q == null ? null : q.getName(), type);
  }

  /**
   * The {@link Status} a response means for a question about {@code name} of {@code type}:
   * NOERROR only when records of the type are owned by the name or the end of its CNAME chain
   * (see {@link Attempt#records()}), NODATA for any other NOERROR response.
   */
  static Status status(Message response, Name name, int type) {
    return switch (response.getRcode()) {
      case Rcode.NOERROR -> name != null && !AnswerChain.of(response, name, type).records().isEmpty()
          ? Status.NOERROR : Status.NODATA;
      case Rcode.NXDOMAIN -> Status.NXDOMAIN;
      case Rcode.SERVFAIL -> Status.SERVFAIL;
      case Rcode.REFUSED -> Status.REFUSED;
      case Rcode.FORMERR -> Status.FORMERR;
      case Rcode.NOTIMP -> Status.NOTIMP;
      default -> Status.OTHER_RCODE;
    };
  }

  /** Remarks every lookup under this configuration carries (resolv.conf options the rules ignore). */
  private List<String> notes() {
    List<String> ignored = config.ignoredResolvConfOptions();
    if (ignored.isEmpty()) {
      return List.of();
    }
    List<String> waits = new ArrayList<>();
    for (int round = 0; round < config.tries(); round++) {
      waits.add(String.valueOf(config.resolver().udpWait(config.timeout(), config.tries(), round, 0, 1).toMillis()));
    }
    return List.of(config.resolvConf().source() + " sets " + String.join(" ", ignored)
        + ", which Erlang's inet_res does not read: a node waits " + String.join(", ", waits)
        + " ms per server in its " + config.tries() + " rounds (timeout " + config.timeout().toMillis()
        + " ms, retry " + config.tries() + "); glibc programs in the same pod apply them");
  }

  /** A deadline {@code budget} after the first time it is asked for (the first question, ready to go). */
  private static Supplier<Deadline> fromFirstQuestion(Duration budget) {
    Deadline[] started = {null};
    return () -> {
      if (started[0] == null) {
        started[0] = Deadline.after(budget);
      }
      return started[0];
    };
  }

  private void requireServers() {
    if (config.servers().isEmpty()) {
      throw new BadInputException("no nameserver to ask: give @host[:port], --nameserver or a resolv.conf with a 'nameserver' line");
    }
  }
}
