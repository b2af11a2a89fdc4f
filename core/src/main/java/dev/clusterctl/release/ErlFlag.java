package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * One {@code erl} flag with the arguments that follow it, and where it was given. A
 * {@code -setcookie} flag keeps no cookie text: its argument reads {@code <redacted>} and
 * {@link #cookie()} describes it.
 *
 * @param name the flag as written ({@code -name}, {@code -kernel}, {@code +K})
 * @param args its arguments
 * @param origin where the flag was given
 * @param cookie for {@code -setcookie}, the cookie described without its text; else null
 */
public record ErlFlag(String name, List<TextValue> args, Origin origin, CookieValue cookie) {

  private static final String REDACTED = "<redacted>";

  /** Copies the list. */
  public ErlFlag {
    args = List.copyOf(args);
  }

  /**
   * Groups {@code words} into flags as {@code init} reads them: a word starting with {@code -} or
   * {@code +} starts a flag and the plain words after it are its arguments; words before the first
   * flag and everything from {@code -extra} on are not flags. {@code originOf} gives the origin of
   * word {@code i} (a file line, {@code env ERL_FLAGS}, {@code args[2]}).
   */
  public static List<ErlFlag> parse(List<TextValue> words, IntFunction<Origin> originOf) {
    List<ErlFlag> flags = new ArrayList<>();
    int i = 0;
    while (i < words.size()) {
      TextValue w = words.get(i);
      String text = w.known().orElse("");
      if (text.equals("-extra")) {
        break;
      }
      if (!isFlag(text)) {
        i++;
        continue;
      }
      Origin origin = originOf.apply(i);
      List<TextValue> args = new ArrayList<>();
      i++;
      while (i < words.size() && !isFlag(words.get(i).known().orElse(""))) {
        args.add(words.get(i++));
      }
      if (text.equals("-setcookie") && !args.isEmpty()) {
        CookieValue cookie = CookieValue.of(args.get(0), origin);
        List<TextValue> redacted = new ArrayList<>();
        redacted.add(TextValue.of(REDACTED, origin));
        redacted.addAll(args.subList(1, args.size()));
        flags.add(new ErlFlag(text, redacted, origin, cookie));
      } else {
        flags.add(new ErlFlag(text, args, origin, null));
      }
    }
    return flags;
  }

  private static boolean isFlag(String word) {
    return word.length() > 1 && (word.charAt(0) == '-' || word.charAt(0) == '+');
  }

  /** The first argument, if any. */
  public TextValue arg() {
    return args.isEmpty() ? TextValue.empty() : args.get(0);
  }

  /** The flag and its arguments as a template; a cookie reads {@code <redacted>}. */
  @Override
  public String toString() {
    return args.isEmpty() ? name : name + " " + args.stream().map(TextValue::template).collect(Collectors.joining(" "));
  }
}
