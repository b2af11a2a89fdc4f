package dev.clusterctl.erlang;

import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A release's {@code vm.args} (or {@code vm.args.src}): the {@code erl} flags of
 * <a href="https://www.erlang.org/doc/apps/erts/erl_cmd.html">erl(1)</a>, split into words as
 * {@code erl -args_file} does ({@code #} comments, quotes, {@code \}), with relx's
 * {@code ${VAR}} placeholders ({@link RelxTemplate}) kept as written until {@link #render(Map)}.
 *
 * <p>Reads what clustering depends on: {@code -name}/{@code -sname} ({@code -sname} wins when
 * both are given, as in {@code net_kernel}), {@code -setcookie}, {@code -erl_epmd_port},
 * {@code -start_epmd}, {@code -kernel inet_dist_listen_min/max}, {@code -proto_dist} and
 * {@code -args_file} (named, not read).
 *
 * <p>The cookie never leaves this class except through {@link #cookieTemplate()}: {@link #flags()}
 * and {@link #toString()} show it redacted, and {@link #cookieHash(Map)} compares it by hash.
 */
public final class VmArgs {

  /** How a redacted cookie reads. */
  public static final String REDACTED = "<redacted>";

  /**
   * One flag with the arguments that follow it.
   *
   * @param name the flag as written, e.g. {@code -name} or {@code +K}
   * @param args its arguments ({@code -setcookie}'s is {@link #REDACTED})
   * @param line 1-based line of the flag
   */
  public record Flag(String name, List<String> args, int line) {
    /** Copies the list. */
    public Flag {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      return args.isEmpty() ? name : name + " " + String.join(" ", args);
    }
  }

  /**
   * The node name after substituting the environment.
   *
   * @param nodeName the name as the VM would get it (empty when vm.args names no node)
   * @param unresolvedVars placeholders with no value in the environment (they became empty text)
   */
  public record Rendered(String nodeName, List<String> unresolvedVars) {
    /** Copies the list. */
    public Rendered {
      unresolvedVars = List.copyOf(unresolvedVars);
    }
  }

  private final String source;
  private final String text;
  private final List<Flag> flags;
  private final String cookie;
  private final int cookieLine;

  private VmArgs(String source, String text, List<Flag> flags, String cookie, int cookieLine) {
    this.source = source;
    this.text = text;
    this.flags = List.copyOf(flags);
    this.cookie = cookie;
    this.cookieLine = cookieLine;
  }

  /**
   * Parses vm.args text; {@code source} names it in errors.
   *
   * @throws BadInputException (one line with source, line and column) for binary data, a flag
   *     missing its value, or a value of the wrong kind (a port that is not a number)
   */
  public static VmArgs parse(String text, String source) {
    List<Word> words = VmArgsLexer.words(text, source);
    List<Flag> flags = new ArrayList<>();
    String cookie = null;
    int cookieLine = 0;
    int i = 0;
    while (i < words.size()) {
      Word w = words.get(i++);
      if (!isFlag(w.text())) {
        // erl passes leading plain words on to the program; vm.args has no use for them
        continue;
      }
      List<String> args = new ArrayList<>();
      if (w.text().equals("-setcookie")) {
        if (i >= words.size() || words.get(i).line() != w.line() && isFlag(words.get(i).text())) {
          throw w.error(source, "-setcookie needs a cookie");
        }
        Word value = words.get(i++);
        if (cookie == null) {
          cookie = value.text();
          cookieLine = w.line();
        }
        args.add(REDACTED);
      } else {
        while (i < words.size() && !isFlag(words.get(i).text())) {
          args.add(words.get(i++).text());
        }
      }
      check(w, args, source);
      flags.add(new Flag(w.text(), args, w.line()));
    }
    return new VmArgs(source, text, flags, cookie, cookieLine);
  }

  private static boolean isFlag(String word) {
    return word.length() > 1 && (word.charAt(0) == '-' || word.charAt(0) == '+');
  }

  private static void check(Word w, List<String> args, String source) {
    switch (w.text()) {
      case "-name", "-sname", "-proto_dist", "-args_file", "-erl_epmd_port", "-start_epmd" -> {
        if (args.isEmpty()) {
          throw w.error(source, w.text() + " needs a value");
        }
      }
      case "-kernel" -> {
        if (args.size() % 2 != 0) {
          throw w.error(source, "-kernel takes Key Value pairs, but '" + args.get(args.size() - 1) + "' has no value");
        }
      }
      default -> {}
    }
    if (w.text().equals("-erl_epmd_port")) {
      checkPort(w, args.get(0), source, "-erl_epmd_port");
    }
    if (w.text().equals("-kernel")) {
      for (int k = 0; k + 1 < args.size(); k += 2) {
        String key = args.get(k);
        if (key.equals("inet_dist_listen_min") || key.equals("inet_dist_listen_max")
            || key.equals("erl_epmd_node_listen_port")) {
          checkPort(w, args.get(k + 1), source, key);
        }
      }
    }
  }

  /** Refuses a port that is neither a number 0..65535 nor a placeholder. */
  private static void checkPort(Word w, String value, String source, String what) {
    if (RelxTemplate.hasVariables(value)) {
      return;
    }
    if (value.matches("\\d{1,5}") && Integer.parseInt(value) <= 65535) {
      return;
    }
    throw w.error(source, what + " must be a port number 0..65535, found '" + value + "'");
  }

  /**
   * One line per setting the VM resolves silently in a way the author may not expect: both
   * {@code -name} and {@code -sname} ({@code -sname} wins), or a flag given twice where one is used.
   */
  public List<String> warnings() {
    List<String> warnings = new ArrayList<>();
    OptionalInt name = line("-name");
    OptionalInt sname = line("-sname");
    if (name.isPresent() && sname.isPresent()) {
      warnings.add(source + ": line " + sname.getAsInt() + ": -sname wins over -name on line " + name.getAsInt()
          + ": the node runs with short names");
    }
    for (String once : List.of("-name", "-sname", "-setcookie", "-erl_epmd_port", "-proto_dist")) {
      List<Flag> all = flags.stream().filter(f -> f.name().equals(once)).toList();
      if (all.size() > 1) {
        warnings.add(source + ": line " + all.get(1).line() + ": " + once + " is given again (first on line "
            + all.get(0).line() + "); this tool reads the first");
      }
    }
    return warnings;
  }

  /** The name the text was read from. */
  public String source() {
    return source;
  }

  /** The text as read, for the start-script reader; it may hold a literal cookie, so it is never shown. */
  public String text() {
    return text;
  }

  /** Every flag in order, with {@code -setcookie}'s value redacted. */
  public List<Flag> flags() {
    return flags;
  }

  /** The first occurrence of {@code name} (e.g. {@code -name}). */
  public Optional<Flag> flag(String name) {
    return flags.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The line of the first occurrence of {@code flag}, for evidence. */
  public OptionalInt line(String flag) {
    return flag(flag).map(f -> OptionalInt.of(f.line())).orElse(OptionalInt.empty());
  }

  private Optional<Flag> nameFlag() {
    return flag("-sname").or(() -> flag("-name"));
  }

  /** {@link NameMode#SHORT} for {@code -sname}, {@link NameMode#LONG} for {@code -name}; empty when neither. */
  public Optional<NameMode> nameMode() {
    return nameFlag().map(f -> f.name().equals("-sname") ? NameMode.SHORT : NameMode.LONG);
  }

  /** The node name as written, placeholders included (e.g. {@code app@${NODE_HOST}} or {@code app}). */
  public Optional<String> nodeNameTemplate() {
    return nameFlag().map(f -> f.args().get(0));
  }

  /** True when {@code -setcookie} is given. */
  public boolean hasCookie() {
    return cookie != null;
  }

  /** The cookie as written (may hold {@code ${VAR}}). A secret: never print or log it. */
  public Optional<String> cookieTemplate() {
    return Optional.ofNullable(cookie);
  }

  /** The placeholders in the cookie (names only, safe to show). */
  public List<String> cookieVariables() {
    return cookie == null ? List.of() : RelxTemplate.variables(cookie);
  }

  /** Where the cookie comes from, safe to show: e.g. {@code vm.args line 3 (-setcookie ${RELEASE_COOKIE})}. */
  public Optional<String> cookieSource() {
    if (cookie == null) {
      return Optional.empty();
    }
    List<String> vars = cookieVariables();
    String what = vars.isEmpty() ? "-setcookie, literal" : "-setcookie from " + vars.stream().map(v -> "${" + v + "}").collect(Collectors.joining(", "));
    return Optional.of(source + " line " + cookieLine + " (" + what + ")");
  }

  /**
   * The SHA-256 ({@link CookieHash}) of the cookie after substituting {@code env}; empty when
   * there is no cookie or a placeholder has no value.
   */
  public Optional<String> cookieHash(Map<String, String> env) {
    if (cookie == null) {
      return Optional.empty();
    }
    RelxTemplate.Result r = RelxTemplate.render(cookie, env);
    return r.unresolved().isEmpty() ? Optional.of(CookieHash.of(r.text())) : Optional.empty();
  }

  /** {@code -start_epmd}: false only with {@code -start_epmd false}. */
  public boolean startEpmd() {
    return flag("-start_epmd").map(f -> !f.args().get(0).equals("false")).orElse(true);
  }

  /** {@code -proto_dist}, e.g. {@code inet6_tcp}. */
  public Optional<String> protoDist() {
    return flag("-proto_dist").map(f -> f.args().get(0));
  }

  /** Files named by {@code -args_file} (not read). */
  public List<String> argsFiles() {
    return flags.stream().filter(f -> f.name().equals("-args_file")).map(f -> f.args().get(0)).toList();
  }

  /** The value of {@code -kernel key value}, last one winning as in {@code init}. */
  public Optional<String> kernel(String key) {
    String found = null;
    for (Flag f : flags) {
      if (f.name().equals("-kernel")) {
        for (int k = 0; k + 1 < f.args().size(); k += 2) {
          if (f.args().get(k).equals(key)) {
            found = f.args().get(k + 1);
          }
        }
      }
    }
    return Optional.ofNullable(found);
  }

  /** {@code -kernel inet_dist_listen_min/max} when the minimum is set as a number. */
  public Optional<PortRange> distPortRange() {
    OptionalInt min = number(kernel("inet_dist_listen_min"));
    if (min.isEmpty()) {
      return Optional.empty();
    }
    OptionalInt max = number(kernel("inet_dist_listen_max"));
    return Optional.of(new PortRange(min.getAsInt(), Math.max(min.getAsInt(), max.orElse(min.getAsInt()))));
  }

  /**
   * The one fixed distribution port: {@code -erl_epmd_port P} (relx's {@code ERL_DIST_PORT},
   * usually with {@code -start_epmd false}), {@code -kernel erl_epmd_node_listen_port P}, or
   * {@code -kernel inet_dist_listen_min P} when the range is that single port. Empty when unset
   * or given as a placeholder.
   */
  public OptionalInt distPort() {
    OptionalInt epmdPort = number(flag("-erl_epmd_port").map(f -> f.args().get(0)));
    if (epmdPort.isPresent()) {
      return epmdPort;
    }
    OptionalInt listen = number(kernel("erl_epmd_node_listen_port"));
    if (listen.isPresent()) {
      return listen;
    }
    return distPortRange().filter(PortRange::isSinglePort).map(r -> OptionalInt.of(r.min())).orElse(OptionalInt.empty());
  }

  private static OptionalInt number(Optional<String> value) {
    if (value.isEmpty() || !value.get().matches("\\d{1,5}")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(value.get()));
  }

  /**
   * The node name with {@code ${VAR}} replaced from {@code env} as relx renders vm.args.src
   * ({@link RelxTemplate}): an unset variable becomes empty text and is listed.
   */
  public Rendered render(Map<String, String> env) {
    Optional<String> template = nodeNameTemplate();
    if (template.isEmpty()) {
      return new Rendered("", List.of());
    }
    RelxTemplate.Result r = RelxTemplate.render(template.get(), env);
    return new Rendered(r.text(), r.unresolved());
  }

  /** Source and flags, the cookie redacted. */
  @Override
  public String toString() {
    return "VmArgs[" + source + ": " + flags.stream().map(Flag::toString).collect(Collectors.joining(" ")) + "]";
  }

  /** A word of the file with where it starts. */
  record Word(String text, int line, int column) {
    BadInputException error(String source, String what) {
      return new BadInputException(source + ": line " + line + ", column " + column + ": " + what);
    }
  }
}
