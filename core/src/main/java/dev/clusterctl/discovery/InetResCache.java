package dev.clusterctl.discovery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.xbill.DNS.Record;

/**
 * A model of the cache {@code inet_res:getbyname} answers from inside a node (OTP 25's
 * {@code inet_db}), for {@code join --watch --as-node}: an answer is kept for its TTL (the smallest
 * of its records), and of an answer larger than {@code cache_size} only the part left after the last
 * time the cache filled and was emptied ({@link DiscoveryLibrary#cachedAfter}); lookups within the TTL
 * are served that part, not the fresh answer. One cache per watched node; not thread-safe (a watch
 * refreshes one run at a time).
 */
public final class InetResCache {

  /** What one lookup was served. */
  public record Served(List<Record> records, boolean fromCache, int answered, Duration left) {
    /** Copies the list. */
    public Served {
      records = List.copyOf(records);
    }
  }

  private record Entry(List<Record> kept, int answered, long expiresAtNanos) {}

  private final Map<String, Entry> entries = new HashMap<>();
  private final LongSupplier nanoTime;

  /** A cache on the system's monotonic clock. */
  public InetResCache() {
    this(System::nanoTime);
  }

  /** A cache on {@code nanoTime} (tests pass their own clock). */
  public InetResCache(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /**
   * What a node's lookup of {@code key} (name and type) returns now, given that the server answers
   * {@code fresh}: the cached part while an earlier answer's TTL runs, else {@code fresh} (which is
   * then cached, the part the cache keeps of it).
   */
  public Served serve(String key, List<Record> fresh) {
    long now = nanoTime.getAsLong();
    Entry e = entries.get(key);
    if (e != null && now < e.expiresAtNanos()) {
      return new Served(e.kept(), true, e.answered(), Duration.ofNanos(e.expiresAtNanos() - now));
    }
    entries.remove(key);
    if (!fresh.isEmpty()) {
      long ttl = fresh.stream().mapToLong(Record::getTTL).min().orElse(0);
      int keep = DiscoveryLibrary.cachedAfter(fresh.size());
      List<Record> kept = new ArrayList<>(fresh.subList(fresh.size() - keep, fresh.size()));
      if (ttl > 0) {
        entries.put(key, new Entry(kept, fresh.size(), now + Duration.ofSeconds(ttl).toNanos()));
      }
    }
    return new Served(fresh, false, fresh.size(), Duration.ZERO);
  }
}
