package dev.clusterctl.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The exec fan-out: never more than the bound at once, every pod reported, failures left out. */
class PodExecTest {

  @Test
  void boundedConcurrencyProgressAndFailures() {
    List<String> pods = IntStream.range(0, 60).mapToObj(i -> "ledger-" + i).toList();
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<String> progress = Collections.synchronizedList(new ArrayList<>());
    Map<String, String> out = PodExec.each(pods, 4, java.time.Duration.ofSeconds(10), (d, t) -> progress.add(d + "/" + t), pod -> {
      most.accumulateAndGet(running.incrementAndGet(), Math::max);
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      running.decrementAndGet();
      return pod.endsWith("7") ? null : pod + ".ledger-dist.payments.svc.cluster.local";
    });
    assertThat(most.get()).isBetween(1, 4);
    assertThat(progress).hasSize(60).contains("60/60");
    assertThat(out).hasSize(54).containsEntry("ledger-0", "ledger-0.ledger-dist.payments.svc.cluster.local").doesNotContainKey("ledger-17");
  }
}
