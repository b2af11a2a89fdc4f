package dev.clusterctl.dns;

import java.time.Duration;
import java.util.List;

/**
 * Many absolute lookups made together under one deadline ({@link Resolver#lookupAll}).
 *
 * @param results one lookup per question, in the order of the questions; a question the deadline
 *     left no time for has one attempt with {@link Status#NOT_ASKED}
 * @param budget the time the whole batch was given
 * @param elapsed how long it took
 */
public record BatchResult(List<LookupResult> results, Duration budget, Duration elapsed) {

  /** Copies the list. */
  public BatchResult {
    results = List.copyOf(results);
  }

  /** The lookups no server answered: not asked, cut short by the deadline, or met only by silence and errors. */
  public List<LookupResult> unanswered() {
    return results.stream().filter(LookupResult::noServerResponded).toList();
  }

  /** How many lookups no server answered. */
  public int unansweredCount() {
    return (int) results.stream().filter(LookupResult::noServerResponded).count();
  }

  /** How many questions were never sent because the deadline came first. */
  public int notAskedCount() {
    return (int) results.stream()
        .filter(r -> r.attempts().stream().allMatch(a -> a.status() == Status.NOT_ASKED)).count();
  }

  /** True when the deadline ended any lookup before its rules had run their course. */
  public boolean outOfTime() {
    return results.stream().anyMatch(LookupResult::outOfTime);
  }
}
