import dev.clusterctl.dns.BatchResult;
import dev.clusterctl.dns.DnsConfig;
import dev.clusterctl.dns.Question;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.Resolver;
import dev.clusterctl.testing.FakeDnsServer;
import dev.clusterctl.time.Deadline;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Type;

/**
 * Follow-up lookups of many SRV targets through Resolver.lookupAll, the engine behind resolve's
 * follow-ups: against a real BIND answering every target (in flight 1, 8, 32, 64), and against a
 * silent server at Erlang's defaults (the shared budget ends the batch). Run with bench/followups.sh.
 *
 * Usage: FollowUpsBench HOST:PORT ZONE TARGETS ROUNDS
 */
public class FollowUpsBench {

  public static void main(String[] args) throws Exception {
    String[] hp = args[0].split(":");
    InetSocketAddress bind = new InetSocketAddress(hp[0], Integer.parseInt(hp[1]));
    String zone = args[1];
    int n = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      questions.add(new Question(label(i) + "." + zone + ".", Type.A));
    }
    DnsConfig node = DnsConfig.from(ResolvConf.empty("bench")).withServers(List.of(bind));
    Resolver resolver = Resolver.of(node);
    resolver.lookupAll(questions.subList(0, Math.min(200, n)), Deadline.after(Duration.ofSeconds(30)));  // warm-up
    System.out.printf("%d follow-up A lookups against BIND (%s), Erlang rules, budget %d ms (one name's schedule)%n",
        n, args[0], node.nameBudget().toMillis());
    for (int inFlight : new int[] {1, 8, 32, 64}) {
      List<Long> ms = new ArrayList<>();
      int unanswered = 0;
      for (int r = 0; r < rounds; r++) {
        // in flight 1 is the old sequential way: give it all the time it needs
        Duration budget = inFlight == 1 ? Duration.ofMinutes(10) : node.nameBudget();
        long start = System.nanoTime();
        BatchResult b = resolver.lookupAll(questions, Deadline.after(budget), inFlight);
        ms.add((System.nanoTime() - start) / 1_000_000);
        unanswered = Math.max(unanswered, b.unansweredCount());
      }
      ms.sort(null);
      System.out.printf("  in flight %2d: median %5d ms (min %5d, max %5d) over %d runs, unanswered %d%n",
          inFlight, ms.get(ms.size() / 2), ms.get(0), ms.get(ms.size() - 1), rounds, unanswered);
    }
    try (FakeDnsServer silent = FakeDnsServer.start(FakeDnsServer.silent(), null)) {
      DnsConfig quiet = node.withServers(List.of(silent.address()));
      long start = System.nanoTime();
      BatchResult b = Resolver.of(quiet).lookupAll(questions, Deadline.after(quiet.nameBudget()));
      long ms = (System.nanoTime() - start) / 1_000_000;
      Duration sequential = quiet.resolver().scheduleFor(quiet.timeout(), quiet.tries(), 1, false).multipliedBy(n);
      System.out.printf("%d follow-ups against a silent server, Erlang defaults (666 + 1333 + 2666 ms per name):%n", n);
      System.out.printf("  ended after %d ms (budget %d ms): %d unanswered, %d of them never asked, %d queries sent%n",
          ms, quiet.nameBudget().toMillis(), b.unansweredCount(), b.notAskedCount(), silent.queries());
      System.out.printf("  one by one, each waiting out inet_res's schedule, they would take %.1f h%n",
          sequential.toMillis() / 3_600_000.0);
    }
  }

  /** The target's first label, as bench/followups.sh writes it: three base-36 digits (2,500 SRV records fit in one 64 KB answer). */
  static String label(int i) {
    String s = Integer.toString(i % (36 * 36 * 36), 36);
    return "0".repeat(3 - s.length()) + s;
  }
}
