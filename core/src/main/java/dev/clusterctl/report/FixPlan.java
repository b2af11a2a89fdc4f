package dev.clusterctl.report;

import java.util.List;

/**
 * One set of changes that makes every failing check pass, found by applying candidate changes to
 * the inputs and running every check again; or, where the fix needs a choice only the team can
 * make, each verified option; or, when none was found, why.
 *
 * @param verified true when every check ran again on the changed inputs (each option's, when there
 *     are options) and none failed
 * @param changes the changes, in the order they are written; empty when there are options
 * @param notes what applying them takes beyond {@code kubectl apply}
 * @param unfixed the failing checks no change was found for, each with why
 * @param choice the question the options answer ({@code which workloads form the cluster behind
 *     Service/shop/shop-cluster}); empty when there is one plan
 * @param options the verified options, each complete; empty when there is one plan
 */
public record FixPlan(boolean verified, List<Change> changes, List<String> notes, List<Unfixed> unfixed, String choice, List<Option> options) {

  /** Copies the lists. */
  public FixPlan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    unfixed = List.copyOf(unfixed);
    options = List.copyOf(options);
  }

  /** A plan without options. */
  public FixPlan(boolean verified, List<Change> changes, List<String> notes, List<Unfixed> unfixed) {
    this(verified, changes, notes, unfixed, "", List.of());
  }

  /** True when the fix needs the team to pick one of several verified options. */
  public boolean needsChoice() {
    return !options.isEmpty();
  }

  /**
   * One change, before and after.
   *
   * @param file the file it changes (a manifest, a release file), or the object it adds
   * @param line the 1-based line of the object or of the changed line; 0 when not known
   * @param object the Kubernetes object ({@code Deployment/payments/ledger}); empty for a release file
   * @param path the object's field ({@code spec.template.spec.subdomain}); empty for a release file
   * @param before the value or line as it is ({@code (none)} when it is added)
   * @param after the value or line as it becomes
   * @param summary what it does, in words
   * @param answers the ids of the checks it makes pass
   */
  public record Change(String file, int line, String object, String path, String before, String after, String summary, List<String> answers) {

    /** Copies the list. */
    public Change {
      answers = List.copyOf(answers);
    }
  }

  /**
   * One verified way to answer the plan's choice: with these changes every check passes.
   *
   * @param summary what choosing it means, in words
   * @param changes the changes, complete (the ones every option shares included)
   * @param notes what applying them takes beyond {@code kubectl apply}
   */
  public record Option(String summary, List<Change> changes, List<String> notes) {

    /** Copies the lists. */
    public Option {
      changes = List.copyOf(changes);
      notes = List.copyOf(notes);
    }
  }

  /**
   * A failing check without an automatic fix.
   *
   * @param check the check's id
   * @param why why no change was found
   */
  public record Unfixed(String check, String why) {}
}
