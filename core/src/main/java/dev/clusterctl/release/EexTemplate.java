package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EEx tags Mix puts into a release's {@code rel/env.sh.eex} and {@code rel/vm.args.eex}
 * when it builds the release: {@code <%= @release.name %>} and {@code <%= @release.version %>}
 * (see <a href="https://hexdocs.pm/mix/Mix.Tasks.Release.html">mix release</a>). Other tags are
 * not evaluated: each is left as a placeholder variable that reads as unknown, and noted.
 *
 * <p>When the release name or version is not given, its tags become the placeholder variables
 * too, so a shell evaluation of the result shows them as holes named after the tag.
 */
public final class EexTemplate {

  private static final Pattern TAG = Pattern.compile("<%(=|#|%)?(.*?)%>", Pattern.DOTALL);
  private static final Pattern RELEASE_FIELD = Pattern.compile("@release\\.(name|version)");

  private EexTemplate() {}

  /**
   * A rendered template.
   *
   * @param text the text with every tag replaced
   * @param placeholders placeholder variable name (as {@code ${NAME}} appears in {@code text}) →
   *     the tag it stands for, for tags that could not be rendered
   * @param notes one line per tag that is not evaluated
   */
  public record Rendered(String text, Map<String, Placeholder> placeholders, List<ShellNote> notes) {
    /** Copies the collections. */
    public Rendered {
      placeholders = Map.copyOf(placeholders);
      notes = List.copyOf(notes);
    }

    /** {@code vars} with every placeholder bound to a hole named after its tag. */
    public ShellVars bind(ShellVars vars) {
      ShellVars out = vars;
      for (Map.Entry<String, Placeholder> e : placeholders.entrySet()) {
        Placeholder p = e.getValue();
        out = out.with(e.getKey(), new ShellVars.Binding(TextValue.hole(p.tag(), TextValue.HoleKind.UNKNOWN, p.reason(), p.origin()), false, false));
      }
      return out;
    }
  }

  /**
   * A tag that could not be rendered.
   *
   * @param tag the tag as written
   * @param reason why, and what input would tell
   * @param origin where it is
   */
  public record Placeholder(String tag, String reason, Origin origin) {}

  /** Renders {@code text} (named {@code file}); {@code name} and {@code version} may be null when not known. */
  public static Rendered render(String text, String file, String name, String version) {
    Matcher m = TAG.matcher(text);
    StringBuilder sb = new StringBuilder();
    Map<String, Placeholder> placeholders = new LinkedHashMap<>();
    List<ShellNote> notes = new ArrayList<>();
    int last = 0;
    int line = 1;
    while (m.find()) {
      sb.append(text, last, m.start());
      for (int i = last; i < m.start(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      final int tagLine = line;
      for (int i = m.start(); i < m.end(); i++) {
        if (text.charAt(i) == '\n') {
          line++;
        }
      }
      last = m.end();
      String kind = m.group(1) == null ? "" : m.group(1);
      String body = m.group(2).strip();
      switch (kind) {
        case "#" -> { }
        case "%" -> sb.append("<%").append(m.group(2)).append("%>");
        case "=" -> {
          Matcher f = RELEASE_FIELD.matcher(body);
          String value = null;
          if (f.matches()) {
            value = f.group(1).equals("name") ? name : version;
          }
          if (value != null) {
            sb.append(value);
          } else {
            String var = "__clusterctl_eex_" + (placeholders.size() + 1);
            String why = f.matches()
                ? "the release " + f.group(1) + " is not known; give --release-dir DIR"
                : "this EEx expression is not evaluated";
            placeholders.put(var, new Placeholder(m.group(), why, Origin.file(file, tagLine)));
            if (!f.matches()) {
              notes.add(new ShellNote(file, tagLine, ShellNote.Kind.NOT_EVALUATED, "the EEx tag '<%= "
                  + abbreviate(body) + " %>' is not evaluated"));
            }
            sb.append("${").append(var).append('}');
          }
        }
        default -> notes.add(new ShellNote(file, tagLine, ShellNote.Kind.OPAQUE,
            "the EEx code '<% " + abbreviate(body) + " %>' is not evaluated; it may change what follows"));
      }
    }
    sb.append(text.substring(last));
    return new Rendered(sb.toString(), placeholders, notes);
  }

  private static String abbreviate(String s) {
    String one = s.replaceAll("\\s+", " ");
    return one.length() > 40 ? one.substring(0, 37) + "…" : one;
  }
}
