package dev.clusterctl.erlang;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * relx's {@code ${VAR}} placeholders, as its start script replaces them in {@code vm.args.src}
 * and {@code sys.config.src} from the environment: an unset variable becomes empty text, and
 * {@code ${VAR:-default}} falls back to the default when VAR is unset or empty; see
 * <a href="https://rebar3.org/docs/deployment/releases/">rebar3 releases</a>.
 */
public final class RelxTemplate {

  private static final Pattern VAR = Pattern.compile("\\$\\{([^}]*)}");

  private RelxTemplate() {}

  /**
   * Text after substitution.
   *
   * @param text the rendered text
   * @param unresolved placeholder names with no value and no default (they became empty text)
   */
  public record Result(String text, List<String> unresolved) {
    /** Copies the list. */
    public Result {
      unresolved = List.copyOf(unresolved);
    }
  }

  /** True when {@code text} holds at least one placeholder. */
  public static boolean hasVariables(String text) {
    return VAR.matcher(text).find();
  }

  /** The placeholder names in {@code text}, in order of first use. */
  public static List<String> variables(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = VAR.matcher(text);
    while (m.find()) {
      names.add(name(m.group(1)));
    }
    return List.copyOf(names);
  }

  /** {@code text} with every placeholder replaced from {@code env}. */
  public static Result render(String text, Map<String, String> env) {
    Set<String> unresolved = new LinkedHashSet<>();
    Matcher m = VAR.matcher(text);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      String body = m.group(1);
      String name = name(body);
      String value = env.get(name);
      int dflt = body.indexOf(":-");
      if ((value == null || value.isEmpty()) && dflt >= 0) {
        value = body.substring(dflt + 2);
      }
      if (value == null) {
        unresolved.add(name);
        value = "";
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return new Result(sb.toString(), List.copyOf(unresolved));
  }

  private static String name(String body) {
    int dflt = body.indexOf(":-");
    return dflt < 0 ? body : body.substring(0, dflt);
  }
}
