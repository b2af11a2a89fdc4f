package dev.clusterctl.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/** The node cache model: the figures are those real inet_res gave (LibraryCrossCheckTest checks them in erl). */
class InetResCacheTest {

  private static List<Record> answer(int n, long ttl) throws Exception {
    List<Record> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ARecord(Name.fromString("big.example."), DClass.IN, ttl,
          InetAddress.getByName("10.5." + (i / 250) + "." + (i % 250 + 1))));
    }
    return out;
  }

  @Test
  void withinTheTtlOnlyThePartTheCacheKeptIsServedAndAfterItTheWholeAnswer() throws Exception {
    AtomicLong now = new AtomicLong();
    InetResCache cache = new InetResCache(now::get);
    List<Record> fresh = answer(150, 30);
    InetResCache.Served first = cache.serve("big.example A", fresh);
    assertThat(first.fromCache()).isFalse();
    assertThat(first.records()).hasSize(150);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    InetResCache.Served second = cache.serve("big.example A", fresh);
    assertThat(second.fromCache()).isTrue();
    assertThat(second.records()).hasSize(50).containsExactlyElementsOf(fresh.subList(100, 150));
    assertThat(second.left()).isEqualTo(Duration.ofSeconds(20));
    now.addAndGet(Duration.ofSeconds(21).toNanos());
    assertThat(cache.serve("big.example A", fresh).records()).hasSize(150);
  }

  @Test
  void aSmallAnswerIsServedWholeFromTheCacheAndAZeroTtlIsNotKept() throws Exception {
    InetResCache cache = new InetResCache(() -> 0L);
    cache.serve("small A", answer(3, 30));
    assertThat(cache.serve("small A", answer(4, 30)).records()).as("the cached answer, not the new one").hasSize(3);
    cache.serve("zero A", answer(3, 0));
    assertThat(cache.serve("zero A", answer(4, 0)).fromCache()).isFalse();
  }

  @Test
  void theKeptPartFollowsInetResClearingItsCacheWhenItFills() {
    assertThat(DiscoveryLibrary.cachedAfter(100)).isEqualTo(100);
    assertThat(DiscoveryLibrary.cachedAfter(101)).isEqualTo(1);
    assertThat(DiscoveryLibrary.cachedAfter(150)).isEqualTo(50);
    assertThat(DiscoveryLibrary.cachedAfter(200)).isEqualTo(100);
    assertThat(DiscoveryLibrary.cachedAfter(600)).isEqualTo(100);
  }
}
