package dev.clusterctl.fix;

import java.util.List;

/**
 * One way to make a failing check pass: the changes to the inputs, all needed together.
 *
 * @param summary one line in words ({@code put the pods under the headless Service ledger-dist})
 * @param changes the changes
 * @param notes what applying them takes beyond {@code kubectl apply} (a Service recreated, CoreDNS restarted)
 * @param choice empty, or the question this proposal is one answer to, when its alternatives are
 *     choices only the team can make ({@code which workloads form the cluster behind
 *     Service/shop/shop-cluster}): the planner then shows every verified answer and picks none
 */
public record Proposal(String summary, List<Change> changes, List<String> notes, String choice) {

  /** Copies the lists. */
  public Proposal {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** A proposal that is no answer to a choice. */
  public Proposal(String summary, List<Change> changes, List<String> notes) {
    this(summary, changes, notes, "");
  }

  /** A proposal of one change with no notes. */
  public static Proposal of(String summary, Change change) {
    return new Proposal(summary, List.of(change), List.of());
  }

  /** The same proposal with only {@code kept} of its changes. */
  public Proposal withChanges(List<Change> kept) {
    return new Proposal(summary, kept, notes, choice);
  }
}
