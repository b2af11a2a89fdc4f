package dev.clusterctl.doctor;

import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.Proposal;
import dev.clusterctl.gather.Gathered;
import dev.clusterctl.gather.LiveAccess;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.DoctorContext;
import dev.clusterctl.judge.Judge;
import dev.clusterctl.judge.Status;
import dev.clusterctl.model.ClusterModel;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.ModelBuilder;
import dev.clusterctl.model.ModelRequest;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds one set of changes after which no check fails, and proves it: the failing checks propose
 * changes ({@link Check#propose}), the planner tries their combinations smallest first, applies each
 * to the gathered inputs, builds the model again and runs every check. A combination that leaves a
 * failure is not shown. Changes keep the discovery library, its record type and the workload kind;
 * only when no such plan exists are proposals that change them tried, and every one that holds is
 * offered as an option, none picked. Where the plan holds an answer to a question only the team
 * can settle ({@link Proposal#choice}), every verified answer is offered the same way.
 */
final class FixPlanner {

  /** How many combinations are tried at most, in all rounds. */
  static final int MAX_TRIES = 256;
  /** How many rounds of proposals (a fix may reveal a failure only another change answers). */
  static final int MAX_ROUNDS = 3;
  /** How many designs other than the team's are offered at most, when none of its own fixes holds. */
  static final int MAX_ALTERNATIVES = 3;

  private final TargetOptions target;
  private final List<Check> checks;
  private final FixApplier applier;
  private final Map<Change, Boolean> noOps = new HashMap<>();
  private int tries;

  /**
   * A planner judging with {@code checks} under {@code target}; objects without a namespace are in {@code namespace}.
   */
  FixPlanner(TargetOptions target, List<Check> checks, String namespace) {
    this.target = target;
    this.checks = checks.stream().filter(c -> !c.live()).toList();
    this.applier = new FixApplier(namespace);
  }

  /**
   * The outcome: the plan for the report, and the inputs with the changes applied (for
   * {@code --fix DIR}): one when there is one plan, one per option when the plan is a choice, none
   * when no plan was found.
   */
  record Outcome(FixPlan plan, List<FixApplier.Result> fixes) {

    /** Copies the list. */
    Outcome {
      fixes = List.copyOf(fixes);
    }
  }

  /** Plans for {@code gathered}, whose model is {@code model} and whose report is {@code report}; empty when no check fails. */
  Optional<Outcome> plan(Gathered gathered, ClusterModel model, Report report) {
    // the checks of the configuration only: a live check's failure is no change to the inputs
    Set<String> firstFailing = failing(report.results());
    List<CheckResult> liveFailing = report.results().stream()
        .filter(r -> r.status() == Status.FAIL && !isStatic(r.id())).toList();
    firstFailing.retainAll(checks.stream().map(Check::id).toList());
    if (firstFailing.isEmpty()) {
      if (liveFailing.isEmpty()) {
        return Optional.empty();
      }
      // only what the running cluster showed fails: no change to the inputs can be proven against it
      boolean inPod = gathered.live().filter(LiveAccess.Pod.class::isInstance).isPresent();
      List<FixPlan.Unfixed> unfixed = liveFailing.stream().map(r -> new FixPlan.Unfixed(r.id(), liveWhy(r, inPod))).toList();
      return Optional.of(new Outcome(new FixPlan(false, List.of(), List.of(), unfixed), List.of()));
    }
    List<Change> chosen = new ArrayList<>();
    Map<Change, Set<String>> answers = new LinkedHashMap<>();
    Map<Change, String> summaries = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    List<Proposal> everOffered = new ArrayList<>(); // in every round: an answer to a choice may come before the round that completes the plan
    ClusterModel current = model;
    for (int round = 0; round < MAX_ROUNDS && tries < MAX_TRIES; round++) {
      DoctorContext ctx = DoctorContext.of(current);
      Set<String> now = failing(Judge.run(ctx, checks));
      Map<String, List<Proposal>> offered = new LinkedHashMap<>();
      for (Check c : checks) {
        if (now.contains(c.id())) {
          List<Proposal> ps = effective(gathered, safely(c, ctx));
          if (!ps.isEmpty()) {
            offered.put(c.id(), ps);
          }
        }
      }
      if (offered.isEmpty()) {
        break;
      }
      offered.values().forEach(everOffered::addAll);
      Attempt best = best(gathered, model, chosen, offered);
      if (best == null) {
        break;
      }
      for (Proposal p : best.picked()) {
        for (Change ch : p.changes()) {
          if (!chosen.contains(ch)) {
            chosen.add(ch);
          }
          answers.computeIfAbsent(ch, k -> new LinkedHashSet<>()).addAll(best.answeredBy(p));
          summaries.putIfAbsent(ch, p.summary());
        }
        notes.addAll(p.notes());
      }
      current = best.model();
      if (best.failing().isEmpty()) {
        if (!liveFailing.isEmpty()) {
          notes.add(String.join(", ", liveFailing.stream().map(CheckResult::id).toList())
              + " failed in the running cluster, where a change to the inputs cannot be proven: this plan makes every check of the configuration pass;"
              + " run doctor again once it is applied");
        }
        List<Choice> options = choices(gathered, model, chosen, best, everOffered);
        if (!options.isEmpty()) {
          return Optional.of(choice(gathered, options, answers, summaries, notes, firstFailing));
        }
        return Optional.of(outcome(gathered, chosen, answers, summaries, notes, firstFailing));
      }
    }
    List<FixPlan.Unfixed> unfixed = new ArrayList<>();
    for (CheckResult r : judge(current)) {
      if (r.status() == Status.FAIL) {
        unfixed.add(new FixPlan.Unfixed(r.id(), noFixWhy(r)));
      }
    }
    List<Choice> alternatives = alternatives(gathered, model);
    if (!alternatives.isEmpty()) {
      return Optional.of(redesign(gathered, model, alternatives, unfixed, firstFailing));
    }
    return Optional.of(new Outcome(new FixPlan(false, List.of(), List.of(), unfixed), List.of()));
  }

  /**
   * When no change within the team's design makes every check pass: the proposals that change it
   * (another record type, another library), each applied on its own to the inputs and verified;
   * one per design they lead to, smallest first, at most {@link #MAX_ALTERNATIVES}.
   */
  private List<Choice> alternatives(Gathered gathered, ClusterModel model) {
    DoctorContext ctx = DoctorContext.of(model);
    Set<String> now = failing(Judge.run(ctx, checks));
    List<Proposal> offered = new ArrayList<>();
    for (Check c : checks) {
      if (now.contains(c.id())) {
        effective(gathered, safely(c, ctx)).forEach(p -> addDistinct(offered, p));
      }
    }
    offered.sort(Comparator.comparingInt(p -> p.changes().size()));
    List<Choice> out = new ArrayList<>();
    Set<Object> designs = new LinkedHashSet<>();
    for (Proposal p : offered) {
      if (out.size() == MAX_ALTERNATIVES || tries >= MAX_TRIES || Thread.currentThread().isInterrupted()) {
        break;
      }
      tries++;
      Optional<ClusterModel> m = rebuild(gathered, p.changes());
      if (m.isPresent() && !sameDesign(model, m.get()) && failing(judge(m.get())).isEmpty()
          && designs.add(m.get().release().discovery().map(FixPlanner::design).orElse(null))) {
        out.add(new Choice(p, p.changes()));
      }
    }
    return out;
  }

  /** A plan that is a choice between designs: none of the team's keeps every check passing; each option changes it and is verified. */
  private Outcome redesign(Gathered gathered, ClusterModel model, List<Choice> options, List<FixPlan.Unfixed> unfixed, Set<String> firstFailing) {
    String kept = model.release().discovery().map(FixPlanner::designWords).orElse("the discovery as configured");
    List<FixPlan.Option> shown = new ArrayList<>();
    List<FixApplier.Result> fixes = new ArrayList<>();
    for (Choice c : options) {
      FixApplier.Result result = applier.apply(gathered, c.changes());
      Map<Change, Set<String>> answers = new LinkedHashMap<>();
      c.changes().forEach(ch -> answers.put(ch, new LinkedHashSet<>(firstFailing)));
      Map<Change, String> named = new LinkedHashMap<>();
      c.changes().forEach(ch -> named.put(ch, c.answer().summary()));
      shown.add(new FixPlan.Option(c.answer().summary(), shown(result, c.changes(), answers, named, firstFailing), c.answer().notes()));
      fixes.add(result);
    }
    List<String> notes = new ArrayList<>();
    notes.add("no change that keeps " + kept + " makes every check pass (" + String.join(", ", unfixed.stream().map(FixPlan.Unfixed::check).toList())
        + "); each option changes the design and is verified");
    return new Outcome(new FixPlan(true, List.of(), notes, unfixed, "no fix keeps " + kept + ": which design to move to", shown), fixes);
  }

  private Outcome outcome(
      Gathered gathered, List<Change> chosen, Map<Change, Set<String>> answers, Map<Change, String> summaries, List<String> notes, Set<String> firstFailing) {
    FixApplier.Result result = applier.apply(gathered, chosen);
    return new Outcome(new FixPlan(true, shown(result, chosen, answers, summaries, firstFailing), List.copyOf(new LinkedHashSet<>(notes)), List.of()),
        List.of(result));
  }

  /** A plan that is a choice: each verified option written out whole; nothing chosen. */
  private Outcome choice(
      Gathered gathered, List<Choice> options, Map<Change, Set<String>> answers, Map<Change, String> summaries, List<String> notes, Set<String> firstFailing) {
    List<FixPlan.Option> shown = new ArrayList<>();
    List<FixApplier.Result> fixes = new ArrayList<>();
    // an option's answer makes pass what the plan's own answer made pass
    Set<String> answeredByTaken = new LinkedHashSet<>();
    options.get(0).answer().changes().forEach(ch -> answeredByTaken.addAll(answers.getOrDefault(ch, Set.of())));
    for (Choice c : options) {
      FixApplier.Result result = applier.apply(gathered, c.changes());
      Map<Change, String> named = new LinkedHashMap<>(summaries);
      c.answer().changes().forEach(ch -> named.put(ch, c.answer().summary()));
      Map<Change, Set<String>> answered = new LinkedHashMap<>(answers);
      c.answer().changes().forEach(ch -> answered.computeIfAbsent(ch, k -> new LinkedHashSet<>()).addAll(answeredByTaken));
      List<String> optionNotes = new ArrayList<>(notes);
      optionNotes.addAll(c.answer().notes());
      shown.add(new FixPlan.Option(c.answer().summary(), shown(result, c.changes(), answered, named, firstFailing), List.copyOf(new LinkedHashSet<>(optionNotes))));
      fixes.add(result);
    }
    return new Outcome(new FixPlan(true, List.of(), List.of(), List.of(), options.get(0).answer().choice(), shown), fixes);
  }

  /** The applied changes as the report shows them, each with the checks it answers. */
  private static List<FixPlan.Change> shown(
      FixApplier.Result result, List<Change> chosen, Map<Change, Set<String>> answers, Map<Change, String> summaries, Set<String> firstFailing) {
    Set<String> attributed = new LinkedHashSet<>();
    answers.values().forEach(attributed::addAll);
    List<String> carried = firstFailing.stream().filter(id -> !attributed.contains(id)).toList();
    List<FixPlan.Change> shown = new ArrayList<>();
    for (int i = 0; i < result.applied().size(); i++) {
      FixApplier.Applied a = result.applied().get(i);
      if (a.changesNothing()) {
        continue; // already so: applying it again changes nothing, so it is no part of the fix
      }
      Set<String> ids = new LinkedHashSet<>(answers.getOrDefault(chosen.get(i), Set.of()));
      ids.addAll(carried);
      String object = "";
      String path = "";
      if (a.change() instanceof Change.ObjectField f) {
        object = f.object().toString();
        path = f.path().toString();
      } else if (a.change() instanceof Change.NewObject n) {
        object = n.object().toString();
      }
      shown.add(new FixPlan.Change(a.file(), a.line(), object, path, a.before(), a.after(), summaries.getOrDefault(chosen.get(i), chosen.get(i).where()),
          List.copyOf(ids)));
    }
    return shown;
  }

  /**
   * One verified answer to a choice.
   *
   * @param answer the proposal that answers it
   * @param changes every change of the plan with this answer in place of the one found first
   */
  private record Choice(Proposal answer, List<Change> changes) {}

  /**
   * When the verified plan holds an answer to a question only the team can settle (a proposal with
   * a {@link Proposal#choice}), every other answer to it that also makes every check pass, the
   * plan's own answer first; empty when there is nothing to choose (one answer holds, and it keeps
   * every workload in the cluster).
   */
  private List<Choice> choices(Gathered gathered, ClusterModel original, List<Change> chosen, Attempt best, List<Proposal> offered) {
    Map<String, List<Proposal>> byQuestion = new LinkedHashMap<>();
    for (Proposal p : offered) {
      if (!p.choice().isEmpty()) {
        addDistinct(byQuestion.computeIfAbsent(p.choice(), k -> new ArrayList<>()), p);
      }
    }
    for (List<Proposal> answers : byQuestion.values()) {
      Optional<Proposal> taken = answers.stream().filter(a -> chosen.containsAll(a.changes())).findFirst();
      if (taken.isEmpty()) {
        continue;
      }
      List<Change> rest = chosen.stream().filter(c -> !taken.get().changes().contains(c)).toList();
      List<Choice> out = new ArrayList<>(List.of(new Choice(taken.get(), chosen)));
      for (Proposal a : answers) {
        if (a == taken.get() || tries >= MAX_TRIES || Thread.currentThread().isInterrupted()) {
          continue;
        }
        tries++;
        List<Change> all = new ArrayList<>(rest);
        a.changes().stream().filter(c -> !all.contains(c)).forEach(all::add);
        Attempt tried = attempt(gathered, original, all, List.of(a), best.offered());
        if (tried != null && tried.failing().isEmpty()) {
          out.add(new Choice(a, all));
        }
      }
      // one answer that holds is the plan, unless it takes a workload out of the cluster: whether
      // it belongs there is the team's to say, so that stays a choice (of one)
      boolean leaves = best.model().members().size() < original.members().size();
      if (out.size() > 1 || leaves) {
        return out;
      }
    }
    return List.of();
  }

  /**
   * The proposals with every change that would change nothing dropped (a value already so: a
   * proposal that sets a field on every workload touches some that have it), and proposals left
   * with no change dropped.
   */
  private List<Proposal> effective(Gathered gathered, List<Proposal> proposals) {
    List<Proposal> out = new ArrayList<>();
    for (Proposal p : proposals) {
      List<Change> kept = p.changes().stream().filter(c -> !unchanged(gathered, c)).toList();
      if (!kept.isEmpty()) {
        out.add(kept.size() == p.changes().size() ? p : p.withChanges(kept));
      }
    }
    return out;
  }

  /** True when {@code c}, applied alone to the inputs, leaves them as they are. */
  private boolean unchanged(Gathered gathered, Change c) {
    if (!(c instanceof Change.ObjectField) && !(c instanceof Change.FileLine)) {
      return false;
    }
    return noOps.computeIfAbsent(c, k -> {
      try {
        return applier.apply(gathered, List.of(k)).applied().get(0).changesNothing();
      } catch (RuntimeException e) {
        return false; // it does not apply alone; the combination decides
      }
    });
  }

  /**
   * The combination of one proposal per failing check (or none, for a check another change may
   * answer) that leaves the fewest failures, fewest changes first; {@code null} when none improves.
   */
  private Attempt best(Gathered gathered, ClusterModel original, List<Change> chosen, Map<String, List<Proposal>> offered) {
    List<List<Proposal>> combos = combinations(new ArrayList<>(offered.values()));
    // fewest changes first; among as few, fewest new objects (a setting corrected before a second
    // Service made to match it)
    combos.sort(Comparator.comparingInt(FixPlanner::size).thenComparingLong(FixPlanner::newObjects));
    Attempt best = null;
    for (List<Proposal> combo : combos) {
      if (Thread.currentThread().isInterrupted()) {
        return best; // Ctrl-C: the command is ending; no more tries
      }
      if (combo.isEmpty() || tries >= MAX_TRIES) {
        continue;
      }
      tries++;
      List<Change> all = new ArrayList<>(chosen);
      combo.stream().flatMap(p -> p.changes().stream()).filter(c -> !all.contains(c)).forEach(all::add);
      Attempt a = attempt(gathered, original, all, combo, offered);
      if (a == null) {
        continue;
      }
      if (best == null || a.failing().size() < best.failing().size()) {
        best = a;
      }
      if (a.failing().isEmpty()) {
        return a;
      }
    }
    return best;
  }

  /** Applies {@code changes} and judges the result; {@code null} when they do not apply or change the team's design. */
  private Attempt attempt(Gathered gathered, ClusterModel original, List<Change> changes, List<Proposal> picked, Map<String, List<Proposal>> offered) {
    return rebuild(gathered, changes).filter(m -> sameDesign(original, m)).map(m -> new Attempt(picked, offered, m, failing(judge(m)))).orElse(null);
  }

  /** The model of the inputs with {@code changes} applied; empty when they do not apply or the result cannot be modelled. */
  private Optional<ClusterModel> rebuild(Gathered gathered, List<Change> changes) {
    try {
      Gathered g = applier.apply(gathered, changes).gathered();
      return Optional.of(ModelBuilder.build(new ModelRequest(g.objects(), g.corefile(), g.sysConfig(), g.vmArgs(), g.release(), target)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Adds {@code p} to {@code list} unless a proposal of the same changes is there already. */
  private static void addDistinct(List<Proposal> list, Proposal p) {
    if (list.stream().noneMatch(q -> Set.copyOf(q.changes()).equals(Set.copyOf(p.changes())))) {
      list.add(p);
    }
  }

  /**
   * The discovery library and record type stay as the team chose them, and so does every
   * workload's kind; a workload may leave the cluster (a Service that selected it no longer does),
   * none may join it.
   */
  private static boolean sameDesign(ClusterModel a, ClusterModel b) {
    Object da = a.release().discovery().map(FixPlanner::design).orElse(null);
    Object db = b.release().discovery().map(FixPlanner::design).orElse(null);
    List<String> wa = a.members().stream().map(x -> x.workload().kind() + "/" + x.workload().name()).toList();
    List<String> wb = b.members().stream().map(x -> x.workload().kind() + "/" + x.workload().name()).toList();
    return Objects.equals(da, db) && !wb.isEmpty() == !wa.isEmpty() && wa.containsAll(wb);
  }

  /** The team's design in words: {@code gen-cluster with SRV records}. */
  private static String designWords(Discovery d) {
    return d instanceof Discovery.Dns dns ? dns.strategy().id() + " with " + dns.recordType() + " records" : "the discovery as configured";
  }

  private static Object design(Discovery d) {
    return d instanceof Discovery.Dns dns ? dns.strategy() + " " + dns.recordType() : d.getClass().getSimpleName();
  }

  private List<CheckResult> judge(ClusterModel m) {
    return Judge.run(DoctorContext.of(m), checks);
  }

  private static Set<String> failing(List<CheckResult> results) {
    Set<String> out = new LinkedHashSet<>();
    results.stream().filter(r -> r.status() == Status.FAIL).forEach(r -> out.add(r.id()));
    return out;
  }

  private static List<Proposal> safely(Check c, DoctorContext ctx) {
    try {
      return c.propose(ctx);
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static long newObjects(List<Proposal> combo) {
    return combo.stream().flatMap(p -> p.changes().stream()).distinct().filter(Change.NewObject.class::isInstance).count();
  }

  private static int size(List<Proposal> combo) {
    return (int) combo.stream().flatMap(p -> p.changes().stream()).distinct().count();
  }

  /** Every way to pick at most one proposal from each list (the empty pick included). */
  private static List<List<Proposal>> combinations(List<List<Proposal>> lists) {
    List<List<Proposal>> out = new ArrayList<>();
    out.add(List.of());
    for (List<Proposal> options : lists) {
      List<List<Proposal>> next = new ArrayList<>();
      for (List<Proposal> prefix : out) {
        next.add(prefix);
        for (Proposal p : options) {
          List<Proposal> withP = new ArrayList<>(prefix);
          withP.add(p);
          next.add(withP);
        }
        if (next.size() > MAX_TRIES * 4) {
          break;
        }
      }
      out = next;
    }
    return out;
  }

  private boolean isStatic(String id) {
    return checks.stream().anyMatch(c -> c.id().equals(id));
  }

  /**
   * Why a failure seen only in the running cluster has no proven fix: inside a pod no Kubernetes
   * object is read, so a change to them cannot be tried; against the API the configuration passes
   * and the difference is in what runs.
   */
  private static String liveWhy(CheckResult r, boolean inPod) {
    String fix = r.remediation().map(x -> " The check's own fix: " + x.text()).orElse("");
    if (inPod) {
      return "seen inside this pod (--local), which reads no Kubernetes objects, so no change to them can be tried and proven here; run clusterctl doctor "
          + "--fix DIR against the API (with a service account that may read the Service, its endpoints, the pods and their workload) or with -f/-k "
          + "on the manifests." + fix;
    }
    return "seen in the running cluster while every check of its configuration passes: what runs differs from what is configured (not yet rolled out, "
        + "or changed by hand), and no change to the configuration answers it." + fix;
  }

  private static String noFixWhy(CheckResult r) {
    return r.remediation().map(x -> "no automatic change; " + x.text()).orElse("no automatic change: " + r.message());
  }

  /**
   * One tried combination.
   *
   * @param picked the proposals applied
   * @param offered every proposal by check id, to say which checks a proposal answers
   * @param model the model with them applied
   * @param failing the checks that still fail
   */
  private record Attempt(List<Proposal> picked, Map<String, List<Proposal>> offered, ClusterModel model, Set<String> failing) {
    Set<String> answeredBy(Proposal p) {
      Set<String> ids = new LinkedHashSet<>();
      offered.forEach((id, ps) -> {
        if (ps.contains(p) && !failing.contains(id)) {
          ids.add(id);
        }
      });
      return ids;
    }
  }
}
