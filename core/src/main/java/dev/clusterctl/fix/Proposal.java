package dev.clusterctl.fix;

import java.util.List;

/**
 * One way to make a failing check pass: the changes to the inputs, all needed together.
 *
 * @param summary one line in words ({@code put the pods under the headless Service ledger-dist})
 * @param changes the changes
 * @param notes what applying them takes beyond {@code kubectl apply} (a Service recreated, CoreDNS restarted)
 */
public record Proposal(String summary, List<Change> changes, List<String> notes) {

  /** Copies the lists. */
  public Proposal {
    changes = List.copyOf(changes);
    notes = List.copyOf(notes);
  }

  /** A proposal of one change with no notes. */
  public static Proposal of(String summary, Change change) {
    return new Proposal(summary, List.of(change), List.of());
  }
}
