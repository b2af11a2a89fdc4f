package dev.clusterctl.report;

import java.util.List;

/**
 * One set of changes that makes every failing check pass, found by applying candidate changes to
 * the inputs and running every check again; or, when none was found, why.
 *
 * @param verified true when every check ran again on the changed inputs and none failed
 * @param changes the changes, in the order they are written
 * @param notes what applying them takes beyond {@code kubectl apply}
 * @param unfixed the failing checks no change was found for, each with why
 */
public record FixPlan(boolean verified, List<Change> changes, List<String> notes, List<Unfixed> unfixed) {

  /** Copies the lists. */
  public FixPlan {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
    unfixed = List.copyOf(unfixed);
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
   * A failing check without an automatic fix.
   *
   * @param check the check's id
   * @param why why no change was found
   */
  public record Unfixed(String check, String why) {}
}
