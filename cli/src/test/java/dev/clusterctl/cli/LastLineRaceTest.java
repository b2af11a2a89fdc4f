package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clusterctl.cli.exit.ErrorHandler;
import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.exit.LastLine;
import dev.clusterctl.cli.exit.SignalTrap;
import dev.clusterctl.error.InterruptedRunException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * After a signal, the command unwinding through the {@link ErrorHandler} and {@code Main}'s stop
 * fallback (0.9 s later) can both reach the "interrupted" line within the same millisecond. Raced
 * head to head, released together by a barrier, exactly one of them prints it, every time; and
 * the fallback still ends the run with the signal's code.
 */
class LastLineRaceTest {

  @Command(name = "probe")
  static final class Dummy implements Runnable {
    @Override
    public void run() {}
  }

  private static final int ROUNDS = 500;

  @Test
  void theInterruptedLineIsPrintedOnceWhenTheHandlerAndTheFallbackRace() throws Exception {
    for (SignalTrap.Kind kind : SignalTrap.Kind.values()) {
      String line = "clusterctl: " + (kind == SignalTrap.Kind.TERM ? "terminated" : "interrupted");
      int byHandler = 0;
      int byFallback = 0;
      for (int round = 0; round < ROUNDS; round++) {
        LastLine lastLine = new LastLine();
        AtomicBoolean over = new AtomicBoolean();
        StringWriter handlerErr = new StringWriter();
        ByteArrayOutputStream fallbackErr = new ByteArrayOutputStream();
        List<Integer> exits = new CopyOnWriteArrayList<>();
        CommandLine cmd = new CommandLine(new Dummy());
        cmd.setErr(new PrintWriter(handlerErr, true));
        CommandLine.ParseResult parsed = cmd.parseArgs();
        ErrorHandler handler = new ErrorHandler(kind::exit, lastLine);
        Runnable fallback = Main.fallback(kind, over, lastLine,
            new PrintStream(fallbackErr, true, StandardCharsets.UTF_8), exits::add);
        CyclicBarrier start = new CyclicBarrier(2);
        int[] handlerCode = new int[1];
        Thread unwinding = new Thread(() -> {
          await(start);
          handlerCode[0] = handler.handleExecutionException(
              new InterruptedRunException("interrupted", new InterruptedException()), cmd, parsed);
        });
        Thread stopping = new Thread(() -> {
          await(start);
          fallback.run();
        });
        unwinding.start();
        stopping.start();
        unwinding.join(TimeUnit.SECONDS.toMillis(10));
        stopping.join(TimeUnit.SECONDS.toMillis(10));

        long fromHandler = handlerErr.toString().lines().filter(line::equals).count();
        long fromFallback = fallbackErr.toString(StandardCharsets.UTF_8).lines().filter(line::equals).count();
        assertThat(fromHandler + fromFallback).as("round %d of %s: the line is printed exactly once", round, kind).isEqualTo(1);
        assertThat(handlerErr.toString().lines().count() + fallbackErr.toString(StandardCharsets.UTF_8).lines().count())
            .as("nothing else is printed").isEqualTo(1);
        assertThat(handlerCode[0]).isEqualTo(kind.exit().code());
        assertThat(exits).containsExactly(kind.exit().code());
        byHandler += (int) fromHandler;
        byFallback += (int) fromFallback;
      }
      assertThat(byHandler + byFallback).isEqualTo(ROUNDS);
    }
  }

  @Test
  void aFallbackAfterTheCommandReturnedNeitherPrintsNorExits() {
    LastLine lastLine = new LastLine();
    AtomicBoolean over = new AtomicBoolean(true); // the command returned first
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Integer> exits = new CopyOnWriteArrayList<>();
    Main.fallback(SignalTrap.Kind.INT, over, lastLine, new PrintStream(err, true, StandardCharsets.UTF_8), exits::add).run();
    assertThat(err.size()).isZero();
    assertThat(exits).isEmpty();
  }

  @Test
  void aSummaryThatClaimedTheLineSilencesTheFallbackButItStillEndsTheRun() {
    LastLine lastLine = new LastLine();
    assertThat(lastLine.claim()).as("the watch's summary").isTrue();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<Integer> exits = new CopyOnWriteArrayList<>();
    Main.fallback(SignalTrap.Kind.TERM, new AtomicBoolean(), lastLine, new PrintStream(err, true, StandardCharsets.UTF_8), exits::add).run();
    assertThat(err.size()).isZero();
    assertThat(exits).containsExactly(ExitCode.TERMINATED.code());
  }

  private static void await(CyclicBarrier b) {
    try {
      b.await(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
