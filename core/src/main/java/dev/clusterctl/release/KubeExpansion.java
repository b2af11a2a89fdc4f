package dev.clusterctl.release;

import dev.clusterctl.release.TextValue.HoleKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' own variable expansion in a container's {@code env[].value}, {@code command} and
 * {@code args}, as the Container API reference defines it and the kubelet implements it
 * ({@code third_party/forked/golang/expansion} in kubernetes/kubernetes):
 *
 * <ul>
 *   <li>{@code $(VAR)} is replaced by the value of VAR when VAR is defined: for {@code env[].value},
 *       only by variables defined <em>earlier</em> in the same container (and {@code envFrom});
 *       for {@code command}/{@code args}, by the container's whole environment;
 *   <li>a reference to a variable that is not defined stays as it is, so {@code $(hostname -f)}
 *       stays literal text: Kubernetes runs no shell;
 *   <li>{@code $$} becomes {@code $}, so {@code $$(VAR)} gives the literal text {@code $(VAR)};
 *   <li>any other {@code $} (and an unclosed {@code $(}) is kept.
 * </ul>
 *
 * <p>Only the container spec's variables count: variables the image sets ({@code ENV} in its
 * Dockerfile) are not known to Kubernetes and are never expanded.
 */
public final class KubeExpansion {

  private KubeExpansion() {}

  /**
   * The result of expanding one string.
   *
   * @param value the text, with holes for variables whose values only the pod has
   * @param leftLiteral the references left as literal {@code $(…)} text because nothing defines them
   */
  public record Expanded(TextValue value, List<String> leftLiteral) {
    /** Copies the list. */
    public Expanded {
      leftLiteral = List.copyOf(leftLiteral);
    }
  }

  /** The variables {@code text} references as {@code $(VAR)}, in order ({@code $$(VAR)} is literal text, no reference). */
  public static List<String> references(String text) {
    return expand(text, Origin.defaulted("references"), Map.of()).leftLiteral();
  }

  /** Expands {@code text} (written at {@code origin}) with the variables {@code defined} by name. */
  public static Expanded expand(String text, Origin origin, Map<String, TextValue> defined) {
    TextValue out = TextValue.empty();
    List<String> literal = new ArrayList<>();
    StringBuilder buf = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '$' || i + 1 >= text.length()) {
        buf.append(c);
        i++;
        continue;
      }
      char next = text.charAt(i + 1);
      if (next == '$') {
        buf.append('$');
        i += 2;
      } else if (next == '(') {
        int close = text.indexOf(')', i + 2);
        if (close < 0) {
          buf.append("$(");
          i += 2;
          continue;
        }
        String name = text.substring(i + 2, close);
        TextValue v = defined.get(name);
        if (v == null) {
          buf.append("$(").append(name).append(')');
          literal.add(name);
        } else {
          out = out.concat(TextValue.of(buf.toString(), origin)).concat(v);
          buf.setLength(0);
        }
        i = close + 1;
      } else {
        buf.append('$').append(next);
        i += 2;
      }
    }
    out = out.concat(TextValue.of(buf.toString(), origin));
    return new Expanded(out, literal);
  }

  /**
   * The container's variables, each {@link EnvEntry.Source#VALUE} expanded with the ones before
   * it, as the kubelet builds them; a later entry of the same name replaces an earlier one.
   */
  public static Map<String, TextValue> containerEnv(List<EnvEntry> entries) {
    Map<String, TextValue> env = new LinkedHashMap<>();
    for (EnvEntry e : entries) {
      TextValue v = switch (e.source()) {
        case VALUE -> expand(e.value() == null ? "" : e.value(), e.origin(), env).value();
        case CONFIG_MAP -> TextValue.of(e.value() == null ? "" : e.value(), e.origin());
        case RUNTIME -> TextValue.hole("${" + e.name() + "}", HoleKind.RUNTIME,
            e.name() + " holds " + e.value() + ", known only in the running pod", e.origin());
        case UNKNOWN -> TextValue.hole("${" + e.name() + "}", HoleKind.UNKNOWN,
            e.name() + " comes from " + e.value() + ", which is not among the inputs", e.origin());
      };
      env.remove(e.name());
      env.put(e.name(), v);
    }
    return env;
  }

  /**
   * The variables a program in the container starts with: the container's ({@link #containerEnv})
   * over what the image may set ({@code complete}: nothing else is set).
   */
  public static ShellVars startingVars(List<EnvEntry> entries, boolean complete) {
    ShellVars vars = ShellVars.of(complete ? Environment.complete(Map.of()) : Environment.unknown());
    for (Map.Entry<String, TextValue> e : containerEnv(entries).entrySet()) {
      vars = vars.with(e.getKey(), new ShellVars.Binding(e.getValue(), true, false));
    }
    return vars;
  }
}
