package dev.clusterctl.judge;

import dev.clusterctl.model.Assumption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one check.
 *
 * @param id the check's stable id
 * @param area its area
 * @param status the outcome
 * @param subject what was judged ({@code Service/ns/name}, {@code release})
 * @param message one line saying what was found
 * @param evidence the values compared
 * @param names names compared side by side (for node-name checks), else empty
 * @param remediation what to change, for warnings and failures
 * @param docs the link to the check's section in {@code docs/checks.md}
 * @param assumptions the assumptions that turned a failure into this warning; empty otherwise
 */
public record CheckResult(
    String id,
    Area area,
    Status status,
    String subject,
    String message,
    List<Evidence> evidence,
    List<NamePair> names,
    Optional<Remediation> remediation,
    String docs,
    List<Assumption> assumptions) {

  /** Copies the lists. */
  public CheckResult {
    evidence = List.copyOf(evidence);
    names = List.copyOf(names);
    assumptions = List.copyOf(assumptions);
  }

  /** A result that rests on no assumption. */
  public CheckResult(
      String id, Area area, Status status, String subject, String message, List<Evidence> evidence, List<NamePair> names, Optional<Remediation> remediation, String docs) {
    this(id, area, status, subject, message, evidence, names, remediation, docs, List.of());
  }

  /**
   * This failure as a warning, because it rests on {@code because}: the inputs do not say whether
   * it is real. The message says so and names what would settle it.
   */
  public CheckResult unsure(List<Assumption> because) {
    StringBuilder m = new StringBuilder("unsure: ").append(message).append(" — if ");
    for (int i = 0; i < because.size(); i++) {
      Assumption a = because.get(i);
      m.append(i == 0 ? "" : ", and if ").append(a.what()).append(" is ").append(a.assumed());
      List<String> others = a.alternatives().stream().map(Assumption.Alternative::value).toList();
      if (!others.isEmpty()) {
        m.append(" (not with ").append(String.join(" or ", others)).append(")");
      }
    }
    m.append("; the inputs do not say: give ").append(because.get(0).supply());
    return new CheckResult(id, area, Status.WARN, subject, m.toString(), evidence, names, remediation, docs, because);
  }

  /** Starts a result of {@code check}. */
  public static Builder of(Check check, Status status, String subject, String message) {
    return new Builder(check, status, subject, message);
  }

  /** Builds a {@link CheckResult}. */
  public static final class Builder {
    private final Check check;
    private final Status status;
    private final String subject;
    private final String message;
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<NamePair> names = new ArrayList<>();
    private Remediation remediation;

    private Builder(Check check, Status status, String subject, String message) {
      this.check = check;
      this.status = status;
      this.subject = subject;
      this.message = message;
    }

    /** Adds one piece of evidence; a {@code null} value is shown as {@code (none)}. */
    public Builder evidence(String label, Object value) {
      evidence.add(new Evidence(label, value == null ? "(none)" : value.toString()));
      return this;
    }

    /** Adds a pair of names. */
    public Builder names(NamePair pair) {
      names.add(pair);
      return this;
    }

    /** Sets the remediation. */
    public Builder fix(Remediation r) {
      this.remediation = r;
      return this;
    }

    /** The result. */
    public CheckResult build() {
      return new CheckResult(check.id(), check.area(), status, subject, message, evidence, names, Optional.ofNullable(remediation), Check.docsLink(check.id()));
    }
  }
}
