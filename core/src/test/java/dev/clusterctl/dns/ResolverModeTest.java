package dev.clusterctl.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The waits and budgets of each resolver's rules (the real inet_res schedule is compared in {@link InetResCrossCheckTest}). */
class ResolverModeTest {

  private static final Duration TWO_S = Duration.ofMillis(2000);

  private static List<Long> erlangWaits(int servers) {
    return IntStream.range(0, 3).mapToObj(round -> IntStream.range(0, servers)
            .mapToObj(s -> ResolverMode.ERLANG.udpWait(TWO_S, 3, round, s, servers).toMillis()))
        .flatMap(s -> s).toList();
  }

  @Test
  void erlangWaitsTimeoutTimesTwoToTheRoundOverRetryWhateverTheServers() {
    assertThat(erlangWaits(1)).containsExactly(666L, 1333L, 2666L);
    // measured with real inet_res: the wait is divided by retry, not by the number of servers
    assertThat(erlangWaits(2)).containsExactly(666L, 666L, 1333L, 1333L, 2666L, 2666L);
    assertThat(ResolverMode.ERLANG.tcpWait(TWO_S)).isEqualTo(Duration.ofSeconds(10));
    assertThat(ResolverMode.ERLANG.scheduleFor(TWO_S, 3, 1, false)).isEqualTo(Duration.ofMillis(4665));
    assertThat(ResolverMode.ERLANG.scheduleFor(TWO_S, 3, 2, false)).isEqualTo(Duration.ofMillis(9330));
    assertThat(ResolverMode.ERLANG.scheduleFor(TWO_S, 3, 1, true)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void glibcWaitsItsTimeoutForTheFirstServerAndShiftsTheOthersBySeconds() {
    Duration five = Duration.ofSeconds(5);
    // send_dg: seconds = retrans << ns, divided by nscount when ns > 0, at least 1
    assertThat(ResolverMode.LIBC.udpWait(five, 2, 0, 0, 1)).isEqualTo(five);
    assertThat(ResolverMode.LIBC.udpWait(five, 2, 1, 0, 1)).isEqualTo(five);
    assertThat(ResolverMode.LIBC.udpWait(five, 2, 0, 1, 2)).isEqualTo(five);
    assertThat(List.of(0, 1, 2).stream().map(i -> ResolverMode.LIBC.udpWait(five, 2, 0, i, 3).toSeconds()))
        .containsExactly(5L, 3L, 6L);
    assertThat(ResolverMode.LIBC.udpWait(Duration.ofSeconds(1), 2, 0, 1, 3)).isEqualTo(Duration.ofSeconds(1));
    assertThat(ResolverMode.LIBC.tcpWait(five)).isEqualTo(five);
    assertThat(ResolverMode.LIBC.scheduleFor(five, 2, 1, false)).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aNodeKeepsInetResDefaultsWhateverResolvConfSaysAndGlibcTakesThem() {
    ResolvConf conf = ResolvConf.parse("nameserver 10.96.0.10\nsearch a.svc.cluster.local\noptions ndots:5 timeout:1 attempts:5\n",
        "/etc/resolv.conf");
    assertThat(conf.retransmitOptions()).containsExactly("timeout:1", "attempts:5");
    DnsConfig node = DnsConfig.from(conf);
    assertThat(node.resolver()).isEqualTo(ResolverMode.ERLANG);
    assertThat(node.timeout()).isEqualTo(TWO_S);
    assertThat(node.tries()).isEqualTo(3);
    assertThat(node.ignoredResolvConfOptions()).containsExactly("timeout:1", "attempts:5");
    DnsConfig libc = node.withResolver(ResolverMode.LIBC);
    assertThat(libc.timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(libc.tries()).isEqualTo(5);
    assertThat(libc.ignoredResolvConfOptions()).isEmpty();
    assertThat(libc.withResolver(ResolverMode.ERLANG).timeout()).isEqualTo(TWO_S);
    assertThat(DnsConfig.from(ResolvConf.parse("nameserver 10.96.0.10\n", "x")).ignoredResolvConfOptions()).isEmpty();
  }

  @Test
  void budgetsComeFromTheScheduleOrTheLookupTimeout() {
    InetSocketAddress s = new InetSocketAddress(InetAddress.getLoopbackAddress(), 53);
    DnsConfig c = DnsConfig.from(ResolvConf.parse("nameserver 127.0.0.1\nsearch a.example b.example\n", "x"));
    assertThat(c.nameBudget()).isEqualTo(Duration.ofMillis(4665).plus(DnsConfig.SCHEDULE_SLACK));
    // a dotted name is asked as-is, then with each of the two search domains
    assertThat(c.lookupBudget("x.y")).isEqualTo(Duration.ofMillis(3 * 4665).plus(DnsConfig.SCHEDULE_SLACK));
    DnsConfig gen = c.withServers(List.of(s, s)).withLookupTimeout(java.util.Optional.of(Duration.ofSeconds(5)));
    assertThat(gen.nameBudget()).isEqualTo(Duration.ofSeconds(5));
    assertThat(gen.lookupBudget("x.y")).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void absurdTimeoutsAndTriesAreBadInputNotOverflows() {
    DnsConfig c = DnsConfig.from(ResolvConf.parse("nameserver 127.0.0.1\n", "x"));
    assertThatThrownBy(() -> c.withTimeout(Duration.ofDays(30))).isInstanceOf(BadInputException.class)
        .hasMessage("timeout must be at most 60 minutes, not 2592000 s");
    assertThatThrownBy(() -> c.withTimeout(Duration.ofSeconds(9_999_999_999L))).isInstanceOf(BadInputException.class);
    assertThatThrownBy(() -> c.withTries(0)).isInstanceOf(BadInputException.class).hasMessage("tries must be from 1 to 16, not 0");
    assertThatThrownBy(() -> c.withTries(1000)).isInstanceOf(BadInputException.class);
    DnsConfig slow = c.withTimeout(DnsConfig.MAX_TIMEOUT).withTries(DnsConfig.MAX_TRIES);
    assertThat(slow.nameBudget()).isPositive();
  }
}
