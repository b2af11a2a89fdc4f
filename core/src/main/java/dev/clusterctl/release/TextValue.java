package dev.clusterctl.release;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A piece of text as a start script builds it, part by part, each part with its {@link Origin}:
 * literal text, or a hole where the value is known only in the running pod ({@code status.podIP},
 * {@code $(hostname -f)}) or not known at all.
 *
 * <p>{@link #template()} shows holes by their names ({@code app@${POD_IP}}), so a node-name
 * template can be judged before any pod runs; {@link #known()} is the text only when it has no hole.
 */
public record TextValue(List<Part> parts) {

  /** Copies the list. */
  public TextValue {
    parts = List.copyOf(parts);
  }

  /** One part of a {@link TextValue}. */
  public sealed interface Part permits Literal, Hole {
    /** Where this part came from. */
    Origin origin();
  }

  /**
   * Literal text.
   *
   * @param text the characters
   * @param origin where they were written or read
   */
  public record Literal(String text, Origin origin) implements Part {}

  /** What a {@link Hole} stands for. */
  public enum HoleKind {
    /** A value the running pod has (its IP, its host name, a Secret): set, but not knowable here. */
    RUNTIME,
    /** The inputs do not say: the value, and whether it is set at all, are unknown. */
    UNKNOWN
  }

  /**
   * A part whose text is not known here.
   *
   * @param name how the template shows it: {@code ${POD_IP}}, {@code $(hostname -f)}
   * @param kind a value of the running pod, or unknown
   * @param reason one line: why it is not known and, for {@link HoleKind#UNKNOWN}, what input would tell
   * @param origin where it was referenced or where it comes from
   */
  public record Hole(String name, HoleKind kind, String reason, Origin origin) implements Part {}

  /** The empty text. */
  public static TextValue empty() {
    return new TextValue(List.of());
  }

  /** Literal {@code text} from {@code origin}. */
  public static TextValue of(String text, Origin origin) {
    return text.isEmpty() ? empty() : new TextValue(List.of(new Literal(text, origin)));
  }

  /** A single hole. */
  public static TextValue hole(String name, HoleKind kind, String reason, Origin origin) {
    return new TextValue(List.of(new Hole(name, kind, reason, origin)));
  }

  /** This text followed by {@code other}. */
  public TextValue concat(TextValue other) {
    List<Part> all = new ArrayList<>(parts);
    all.addAll(other.parts);
    return new TextValue(all);
  }

  /** True when every part is literal. */
  public boolean isKnown() {
    return parts.stream().allMatch(p -> p instanceof Literal);
  }

  /** The text when every part is literal. */
  public Optional<String> known() {
    if (!isKnown()) {
      return Optional.empty();
    }
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> sb.append(((Literal) p).text()));
    return Optional.of(sb.toString());
  }

  /** The text with each hole shown by its name, e.g. {@code app@${POD_IP}}. */
  public String template() {
    StringBuilder sb = new StringBuilder();
    for (Part p : parts) {
      sb.append(p instanceof Literal l ? l.text() : ((Hole) p).name());
    }
    return sb.toString();
  }

  /** The holes, in order. */
  public List<Hole> holes() {
    return parts.stream().filter(p -> p instanceof Hole).map(p -> (Hole) p).toList();
  }

  /** True when the text is certainly empty (no parts, or only empty literals). */
  public boolean isEmptyText() {
    return known().map(String::isEmpty).orElse(false);
  }

  /** True when some hole is {@link HoleKind#UNKNOWN}. */
  public boolean hasUnknown() {
    return holes().stream().anyMatch(h -> h.kind() == HoleKind.UNKNOWN);
  }

  /** The distinct origins of the parts, in order. */
  public List<Origin> origins() {
    return parts.stream().map(Part::origin).distinct().toList();
  }

  /** Same text and same holes (by name and kind), whatever the origins. */
  public boolean sameText(TextValue other) {
    return template().equals(other.template()) && isKnown() == other.isKnown()
        && holes().stream().map(h -> h.name() + h.kind()).toList()
            .equals(other.holes().stream().map(h -> h.name() + h.kind()).toList());
  }

  /** The template; this type never holds secrets unless a caller put one in a literal. */
  @Override
  public String toString() {
    return template();
  }
}
