package dev.clusterctl.model;

import java.util.ArrayList;
import java.util.List;

/** What building a model found worth saying: assumptions made, and other notes. Filled by the readers, once per build. */
final class Notes {

  private final List<Assumption> assumptions = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  /** Records an assumption, once however many members make it. */
  void assume(Assumption a) {
    boolean known = assumptions.stream().anyMatch(b -> b.topic() == a.topic() && b.what().equals(a.what()) && b.assumed().equals(a.assumed()));
    if (!known) {
      assumptions.add(a);
    }
  }

  /** Records a note. */
  void note(String note) {
    notes.add(note);
  }

  /** Records notes. */
  void noteAll(List<String> more) {
    notes.addAll(more);
  }

  List<Assumption> assumptions() {
    return assumptions;
  }

  List<String> notes() {
    return notes;
  }
}
