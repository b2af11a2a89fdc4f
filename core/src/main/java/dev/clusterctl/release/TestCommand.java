package dev.clusterctl.release;

import dev.clusterctl.release.ShellEvaluator.Tri;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code test} / {@code [ ... ]} utility of
 * <a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/test.html">POSIX test</a>,
 * decided only when its operands are known: string tests ({@code -n}, {@code -z}, {@code =},
 * {@code !=}), integer comparisons and {@code !}. File tests depend on the image and stay undecided.
 */
final class TestCommand {

  private static final Set<String> FILE_TESTS = Set.of("-b", "-c", "-d", "-e", "-f", "-g", "-h", "-L", "-p", "-r",
      "-S", "-s", "-u", "-w", "-x", "-t");

  private TestCommand() {}

  static Tri evaluate(List<TextValue> args) {
    int n = args.size();
    if (n == 0) {
      return Tri.FALSE;
    }
    Optional<String> a0 = args.get(0).known();
    if (n == 1) {
      return ShellEvaluator.nonEmpty(args.get(0));
    }
    if (n == 2) {
      String op = a0.orElse("");
      if (op.equals("!")) {
        return not(evaluate(args.subList(1, 2)));
      }
      if (op.equals("-n")) {
        return ShellEvaluator.nonEmpty(args.get(1));
      }
      if (op.equals("-z")) {
        return not(ShellEvaluator.nonEmpty(args.get(1)));
      }
      return Tri.UNKNOWN;
    }
    if (n == 3) {
      String op = args.get(1).known().orElse("");
      if (a0.orElse("").equals("!") && !isBinary(op)) {
        return not(evaluate(args.subList(1, 3)));
      }
      return binary(args.get(0), op, args.get(2));
    }
    if (n == 4 && a0.orElse("").equals("!")) {
      return not(evaluate(args.subList(1, 4)));
    }
    return Tri.UNKNOWN;
  }

  private static boolean isBinary(String op) {
    return Set.of("=", "==", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge").contains(op);
  }

  private static Tri binary(TextValue left, String op, TextValue right) {
    Optional<String> l = left.known();
    Optional<String> r = right.known();
    if (l.isEmpty() || r.isEmpty() || FILE_TESTS.contains(op)) {
      return Tri.UNKNOWN;
    }
    switch (op) {
      case "=", "==" -> {
        return of(l.get().equals(r.get()));
      }
      case "!=" -> {
        return of(!l.get().equals(r.get()));
      }
      case "-eq", "-ne", "-lt", "-le", "-gt", "-ge" -> {
        if (!l.get().strip().matches("-?\\d{1,18}") || !r.get().strip().matches("-?\\d{1,18}")) {
          return Tri.UNKNOWN;
        }
        long a = Long.parseLong(l.get().strip());
        long b = Long.parseLong(r.get().strip());
        return of(switch (op) {
          case "-eq" -> a == b;
          case "-ne" -> a != b;
          case "-lt" -> a < b;
          case "-le" -> a <= b;
          case "-gt" -> a > b;
          default -> a >= b;
        });
      }
      default -> {
        return Tri.UNKNOWN;
      }
    }
  }

  private static Tri of(boolean b) {
    return b ? Tri.TRUE : Tri.FALSE;
  }

  private static Tri not(Tri t) {
    return t == Tri.TRUE ? Tri.FALSE : t == Tri.FALSE ? Tri.TRUE : Tri.UNKNOWN;
  }
}
