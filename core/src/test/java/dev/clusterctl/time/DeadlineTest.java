package dev.clusterctl.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeadlineTest {

  @Test
  void theTimeLeftShrinksFromTheBudgetAndStopsAtZero() throws Exception {
    Deadline d = Deadline.after(Duration.ofMillis(300));
    assertThat(d.budget()).isEqualTo(Duration.ofMillis(300));
    assertThat(d.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(300));
    assertThat(d.expired()).isFalse();
    long start = System.nanoTime();
    d.sleep(Duration.ofSeconds(10));
    // the sleep ends at the deadline, not after the pause asked for
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(250), Duration.ofMillis(2000));
    assertThat(d.expired()).isTrue();
    assertThat(d.remaining()).isZero();
    assertThat(d.remainingMillis()).isZero();
  }

  @Test
  void aBudgetOfZeroOrLessIsAlreadyOver() {
    assertThat(Deadline.after(Duration.ZERO).expired()).isTrue();
    assertThat(Deadline.after(Duration.ofSeconds(-5)).expired()).isTrue();
    assertThat(Deadline.afterMillis(-1).budget()).isZero();
  }

  @Test
  void anyDurationAUserCanTypeGivesADeadlineNotAnOverflow() {
    Deadline thirtyDays = Deadline.after(Duration.ofDays(30));
    assertThat(thirtyDays.remaining()).isGreaterThan(Duration.ofDays(29));
    Deadline huge = Deadline.after(Duration.ofSeconds(9_999_999_999L));
    assertThat(huge.expired()).isFalse();
    assertThat(huge.budget()).isEqualTo(Deadline.MAX_BUDGET);
    assertThat(Deadline.after(Duration.ofSeconds(Long.MAX_VALUE)).remaining()).isPositive();
  }

  @Test
  void remainingMillisRoundsUpSoThatAWaitDoesNotEndEarly() {
    Deadline d = Deadline.after(Duration.ofNanos(1_500_000));
    assertThat(d.remainingMillis()).isBetween(1L, 2L);
  }

  @Test
  void aStepInsideAnOperationEndsAtTheEarlierOfItsWaitAndTheDeadline() {
    Deadline op = Deadline.after(Duration.ofMillis(500));
    assertThat(op.within(Duration.ofSeconds(5))).isEqualTo(op);
    assertThat(op.within(Duration.ofMillis(100)).remaining()).isLessThanOrEqualTo(Duration.ofMillis(100));
    assertThat(op.cuts(Duration.ofSeconds(5))).isTrue();
    assertThat(op.cuts(Duration.ofMillis(100))).isFalse();
    Deadline later = Deadline.after(Duration.ofSeconds(5));
    assertThat(op.earlier(later)).isSameAs(op);
    assertThat(later.earlier(op)).isSameAs(op);
    assertThat(op.compareTo(later)).isNegative();
  }

  @Test
  void aSleepEndsAtOnceWhenTheThreadIsInterrupted() throws Exception {
    Deadline d = Deadline.after(Duration.ofSeconds(30));
    Thread t = new Thread(() -> {
      try {
        d.sleep(Duration.ofSeconds(30));
      } catch (InterruptedException e) {
        // expected
      }
    });
    t.start();
    Thread.sleep(100);
    long start = System.nanoTime();
    t.interrupt();
    t.join(2000);
    assertThat(t.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(100));
  }
}
