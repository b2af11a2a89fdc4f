package dev.clusterctl.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.dns.Transport;
import dev.clusterctl.dns.WaitListener;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress line's timing and drawing, on a clock the test moves. */
class ProgressLineTest {

  private final StringWriter screen = new StringWriter();
  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final ProgressLine line = new ProgressLine(new PrintWriter(screen), now::get, false);

  private void advance(long millis) {
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    line.tick();
  }

  @Test
  void appearsAfterASecondCountsAndIsErasedWhenTheWaitEnds() {
    WaitListener.Wait wait = line.waiting(new InetSocketAddress("10.96.0.10", 53), Transport.TCP, "ledger.payments.");
    advance(900);
    assertThat(screen.toString()).as("nothing during the first second").isEmpty();
    advance(200);
    assertThat(screen.toString()).isEqualTo("\rasking 10.96.0.10 over TCP\u2026 1 s\u001b[K");
    advance(2000);
    assertThat(screen.toString()).endsWith("\rasking 10.96.0.10 over TCP\u2026 3 s\u001b[K");
    wait.close();
    assertThat(screen.toString()).endsWith("\r\u001b[K");
    int length = screen.toString().length();
    advance(2000);
    line.close();
    assertThat(screen.toString()).as("nothing more once erased").hasSize(length);
  }

  @Test
  void aShortWaitShowsNothingAtAll() {
    WaitListener.Wait wait = line.waiting(new InetSocketAddress("127.0.0.1", 5353), Transport.UDP, "x.");
    advance(500);
    wait.close();
    advance(2000);
    line.close();
    assertThat(screen.toString()).isEmpty();
  }

  @Test
  void aRetrySoonAfterKeepsCountingAndServersWithAPortSayIt() {
    line.waiting(new InetSocketAddress("127.0.0.1", 5353), Transport.UDP, "x.").close();
    advance(300);
    WaitListener.Wait second = line.waiting(new InetSocketAddress("127.0.0.1", 5353), Transport.TCP, "x.");
    WaitListener.Wait third = line.waiting(new InetSocketAddress("::1", 5353), Transport.UDP, "x.");
    advance(1000);
    assertThat(screen.toString()).isEqualTo("\rasking 127.0.0.1:5353 over TCP (+1 more)\u2026 1 s\u001b[K");
    second.close();
    advance(250);
    assertThat(screen.toString()).endsWith("\rasking [0:0:0:0:0:0:0:1]:5353 over UDP\u2026 1 s\u001b[K");
    third.close();
    line.close();
    assertThat(screen.toString()).endsWith("\r\u001b[K");
  }

  @Test
  void closingWhileShownErasesIt() {
    line.waiting(new InetSocketAddress("10.96.0.10", 53), Transport.UDP, "x.");
    advance(1500);
    line.close();
    assertThat(screen.toString()).endsWith("\r\u001b[K");
  }

  @Test
  void optOutsAndNoTerminalShowNothing() {
    PrintWriter err = new PrintWriter(new StringWriter());
    // the tests run without a terminal: never a line, whatever the options
    assertThat(ProgressLine.forStderr(err, false, false, Map.of())).isSameAs(WaitDisplay.NONE);
    assertThat(ProgressLine.forStderr(err, true, false, Map.of())).isSameAs(WaitDisplay.NONE);
    assertThat(ProgressLine.forStderr(err, false, true, Map.of())).isSameAs(WaitDisplay.NONE);
    assertThat(ProgressLine.forStderr(err, false, false, Map.of("TERM", "dumb"))).isSameAs(WaitDisplay.NONE);
  }

  @Test
  void anApiServerWaitAppearsAfterASecondAndIsErased() {
    WaitListener.Wait wait = line.asking("https://10.0.0.1:6443/", "list services");
    advance(999);
    assertThat(screen.toString()).as("nothing during the first second").isEmpty();
    advance(1001);
    assertThat(screen.toString()).isEqualTo("\rasking the API server https://10.0.0.1:6443\u2026 2 s\u001b[K");
    wait.close();
    assertThat(screen.toString()).endsWith("\r\u001b[K");
    line.close();
  }

  @Test
  void anApiWaitAndADnsWaitTogetherShowTheFirstAndCountTheOther() {
    WaitListener.Wait api = line.asking("https://10.0.0.1:6443", "create pods/portforward");
    WaitListener.Wait dns = line.waiting(new InetSocketAddress("127.0.0.1", 40053), Transport.TCP, "ledger.payments.");
    advance(1200);
    assertThat(screen.toString()).isEqualTo("\rasking the API server https://10.0.0.1:6443 (+1 more)\u2026 1 s\u001b[K");
    api.close();
    advance(250);
    assertThat(screen.toString()).endsWith("\rasking 127.0.0.1:40053 over TCP\u2026 1 s\u001b[K");
    dns.close();
    assertThat(screen.toString()).endsWith("\r\u001b[K");
    line.close();
  }

  @Test
  void inAViewTheTextGoesToTheViewAndIsClearedWithAnEmptyText() {
    java.util.List<String> view = new java.util.ArrayList<>();
    ProgressLine inView = new ProgressLine(view::add, now::get, false);
    WaitListener.Wait wait = inView.waiting(new InetSocketAddress("10.96.0.10", 53), Transport.UDP, "ledger.payments.");
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
    inView.tick();
    assertThat(view).as("nothing during the first second").isEmpty();
    now.addAndGet(TimeUnit.MILLISECONDS.toNanos(2600));
    inView.tick();
    assertThat(view).containsExactly("asking 10.96.0.10 over UDP\u2026 3 s");
    wait.close();
    assertThat(view).containsExactly("asking 10.96.0.10 over UDP\u2026 3 s", "");
    inView.close();
    assertThat(view).as("nothing more once cleared").hasSize(2);
    assertThat(ProgressLine.inView(view::add, true)).as("--quiet").isSameAs(WaitDisplay.NONE);
  }

  @Test
  void theApiServerIsShownWithoutAUserPart() {
    assertThat(ProgressLine.apiServer("https://admin:s3cret-pass@10.0.0.1:6443/")).isEqualTo("https://10.0.0.1:6443");
    assertThat(ProgressLine.apiServer("https://admin:s3cret pass@10.0.0.1:6443")).doesNotContain("s3cret").endsWith("10.0.0.1:6443");
    assertThat(ProgressLine.apiServer("https://10.0.0.1:6443/k8s/clusters/c-1")).isEqualTo("https://10.0.0.1:6443/k8s/clusters/c-1");
  }
}
