package dev.clusterctl.cli.completion;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * What completion needs from the picocli model, read generically: the visible commands, their
 * options and positional parameters, and the fixed candidates of each (enum constants or
 * {@code completionCandidates}). Nothing here knows any particular command.
 */
public final class CommandTree {

  private CommandTree() {}

  /** The visible subcommands of {@code spec} by their primary name (aliases and hidden ones left out). */
  public static Map<String, CommandSpec> subcommands(CommandSpec spec) {
    Map<String, CommandSpec> result = new LinkedHashMap<>();
    for (CommandLine sub : spec.subcommands().values()) {
      CommandSpec s = sub.getCommandSpec();
      if (!s.usageMessage().hidden()) {
        result.putIfAbsent(s.name(), s);
      }
    }
    return result;
  }

  /** Every visible command under and including {@code root}, parents before children. */
  public static List<CommandSpec> walk(CommandSpec root) {
    List<CommandSpec> all = new ArrayList<>();
    all.add(root);
    for (CommandSpec sub : subcommands(root).values()) {
      all.addAll(walk(sub));
    }
    return all;
  }

  /** The subcommand names leading from the root to {@code spec} ("" for the root itself). */
  public static String path(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (CommandSpec s = spec; s.parent() != null; s = s.parent()) {
      names.add(0, s.name());
    }
    return String.join(" ", names);
  }

  /** The options of {@code spec} a user may type (hidden ones left out). */
  public static List<OptionSpec> options(CommandSpec spec) {
    List<OptionSpec> result = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      if (!o.hidden()) {
        result.add(o);
      }
    }
    return result;
  }

  /** The positional parameters of {@code spec} a user may type (hidden ones left out). */
  public static List<PositionalParamSpec> positionals(CommandSpec spec) {
    List<PositionalParamSpec> result = new ArrayList<>();
    for (PositionalParamSpec p : spec.positionalParameters()) {
      if (!p.hidden()) {
        result.add(p);
      }
    }
    return result;
  }

  /** True when the option is followed by a value ({@code --namespace NS}), false for a flag. */
  public static boolean takesValue(OptionSpec option) {
    return option.arity().max() > 0;
  }

  /** The fixed values an argument accepts: its {@code completionCandidates}, else its enum's constants. */
  public static List<String> candidates(ArgSpec arg) {
    List<String> result = new ArrayList<>();
    Iterable<String> fixed = arg.completionCandidates();
    if (fixed != null) {
      fixed.forEach(result::add);
    }
    return result;
  }

  /** True when the argument names a file or a directory, so the shell's own path completion applies. */
  public static boolean isFile(ArgSpec arg) {
    return pathKind(arg) != PathKind.NONE;
  }

  /** What kind of path, if any, an argument names. */
  public enum PathKind {
    /** Not a path: complete its values, or nothing. */
    NONE,
    /** A file (or a directory, where the command also reads one): complete files and directories. */
    FILE,
    /** A directory: complete directories only. */
    DIRECTORY
  }

  /**
   * What kind of path {@code arg} names, read from the model alone: a {@link File} or {@link Path}
   * type, or a value label that says so ({@code FILE}, {@code PATH}, {@code DIR}), since options
   * that also take {@code -} or hand the path on keep it as a string. {@code DIR} labels ask for
   * directories only.
   */
  public static PathKind pathKind(ArgSpec arg) {
    String label = arg.paramLabel() == null ? "" : arg.paramLabel().replaceAll("[<>\\[\\].]", "");
    if (label.equals("DIR") || label.equals("DIRECTORY") || label.endsWith("_DIR")) {
      return PathKind.DIRECTORY;
    }
    if (label.equals("FILE") || label.equals("PATH") || label.endsWith("_FILE")) {
      return PathKind.FILE;
    }
    Class<?> type = arg.auxiliaryTypes().length > 0 ? arg.auxiliaryTypes()[0] : arg.type();
    return type == File.class || type == Path.class ? PathKind.FILE : PathKind.NONE;
  }

  /** The option of {@code spec} named {@code name} ({@code -n} or {@code --namespace}), if any. */
  public static Optional<OptionSpec> option(CommandSpec spec, String name) {
    for (OptionSpec o : spec.options()) {
      if (contains(o.names(), name)) {
        return Optional.of(o);
      }
    }
    return Optional.empty();
  }

  /** The first line of an argument's or command's description, with picocli's variables left as typed. */
  public static String summary(String[] description) {
    if (description == null || description.length == 0) {
      return "";
    }
    String first = description[0];
    int dot = first.indexOf(". ");
    return (dot > 0 ? first.substring(0, dot + 1) : first).trim();
  }

  /** The one-line description of a command. */
  public static String summary(CommandSpec spec) {
    String[] header = spec.usageMessage().header();
    String[] lines = header != null && header.length > 0 ? header : spec.usageMessage().description();
    return expand(summary(lines), spec, null);
  }

  /** The one-line description of an option or positional parameter, with its variables expanded. */
  public static String summary(ArgSpec arg) {
    return expand(summary(arg.description()), arg.command(), arg);
  }

  private static String expand(String text, CommandSpec spec, ArgSpec arg) {
    String s = text;
    if (arg != null) {
      s = s.replace("${COMPLETION-CANDIDATES}", String.join(", ", candidates(arg)));
      String def = arg.defaultValue();
      s = s.replace("${DEFAULT-VALUE}", def == null ? "" : def);
    }
    return s.replace("%n", " ").replaceAll("@\\|\\w+(,\\w+)* ([^|]*)\\|@", "$2").trim();
  }

  private static boolean contains(String[] names, String name) {
    for (String n : names) {
      if (n.equals(name)) {
        return true;
      }
    }
    return false;
  }
}
