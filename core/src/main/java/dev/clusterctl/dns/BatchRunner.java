package dev.clusterctl.dns;

import dev.clusterctl.error.InterruptedRunException;
import dev.clusterctl.time.Deadline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Runs many absolute lookups at once for {@link Resolver#lookupAll}: a pool of at most
 * {@code maxInFlight} threads made for the batch and gone after it, each taking the next question
 * until none is left or the deadline has passed. Blocking lookups on platform threads (Java 17 has
 * no virtual threads); every one of their waits is bounded by the same deadline.
 */
final class BatchRunner {

  /** How long after the deadline the caller waits for the threads to close their sockets. */
  private static final Duration CLOSE_GRACE = Duration.ofMillis(500);

  private final Resolver resolver;
  private final int maxInFlight;

  BatchRunner(Resolver resolver, int maxInFlight) {
    this.resolver = resolver;
    this.maxInFlight = Math.max(1, maxInFlight);
  }

  BatchResult run(List<Question> questions, Deadline deadline) {
    long start = System.nanoTime();
    int n = questions.size();
    AtomicReferenceArray<LookupResult> results = new AtomicReferenceArray<>(n);
    if (n == 1) {
      results.set(0, lookup(questions.get(0), deadline));
    } else if (n > 1) {
      runPooled(questions, deadline, results);
    }
    List<LookupResult> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      LookupResult r = results.get(i);
      out.add(r != null ? r : notAsked(questions.get(i)));
    }
    return new BatchResult(out, deadline.budget(), Duration.ofNanos(System.nanoTime() - start));
  }

  private void runPooled(List<Question> questions, Deadline deadline, AtomicReferenceArray<LookupResult> results) {
    int threads = Math.min(maxInFlight, questions.size());
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        for (int i = next.getAndIncrement(); i < questions.size(); i = next.getAndIncrement()) {
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          results.set(i, lookup(questions.get(i), deadline));
        }
      });
    }
    pool.shutdown();
    try {
      if (!pool.awaitTermination(deadline.remainingNanos() + CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      pool.shutdownNow();
      Thread.currentThread().interrupt();
      throw new InterruptedRunException("interrupted while " + questions.size() + " DNS lookups ran", e);
    }
  }

  /** One lookup, or not asked when the deadline has passed before its turn (or the thread is stopped). */
  private LookupResult lookup(Question q, Deadline deadline) {
    if (deadline.expired()) {
      return notAsked(q);
    }
    try {
      return resolver.lookupAbsolute(q.name(), q.type(), deadline);
    } catch (InterruptedRunException e) {
      if (Thread.currentThread().getName().startsWith(THREAD_PREFIX)) {
        return notAsked(q);
      }
      throw e;
    }
  }

  static LookupResult notAsked(Question q) {
    Attempt none = new Attempt(q.name(), q.type(), Status.NOT_ASKED, List.of(), Optional.empty(), true);
    return new LookupResult(q.name(), q.type(), SearchMode.NONE, List.of(none));
  }

  private static final String THREAD_PREFIX = "clusterctl-dns-";

  private static ThreadFactory daemonThreads() {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, THREAD_PREFIX + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
