package dev.clusterctl.report;

import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Status;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.ClusterModel;
import java.util.List;
import java.util.Optional;

/**
 * The doctor's report: plain data for the text, JSON and JUnit renderers.
 *
 * @param schemaVersion the version of the JSON schema ({@code docs/schemas/doctor.schema.json})
 * @param inputs what was read (files, ConfigMaps, options)
 * @param assumptions what the inputs did not settle and the doctor took in its place (a default Corefile, an inferred Service)
 * @param notes other things worth saying about the inputs (an object read twice)
 * @param target what was judged: the service, workload, discovery and naming
 * @param results one result per check run, in registry order
 * @param summary counts per status
 * @param fix the changes that make every failing check pass, when a check fails
 */
public record Report(
    int schemaVersion, List<String> inputs, List<Assumption> assumptions, List<String> notes, Target target, List<CheckResult> results, Summary summary,
    Optional<FixPlan> fix) {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 2;

  /** Copies the lists. */
  public Report {
    inputs = List.copyOf(inputs);
    assumptions = List.copyOf(assumptions);
    notes = List.copyOf(notes);
    results = List.copyOf(results);
  }

  /** A report without a fix plan. */
  public Report(int schemaVersion, List<String> inputs, List<Assumption> assumptions, List<String> notes, Target target, List<CheckResult> results, Summary summary) {
    this(schemaVersion, inputs, assumptions, notes, target, results, summary, Optional.empty());
  }

  /** The report of {@code results} judged on {@code model}, built from {@code inputs}. */
  public static Report of(List<String> inputs, ClusterModel model, List<CheckResult> results) {
    return new Report(SCHEMA_VERSION, inputs, model.assumptions(), model.notes(), Target.of(model), results, Summary.of(results));
  }

  /** This report with {@code plan}. */
  public Report withFix(FixPlan plan) {
    return new Report(schemaVersion, inputs, assumptions, notes, target, results, summary, Optional.of(plan));
  }

  /** True when a check has {@code status}. */
  public boolean has(Status status) {
    return results.stream().anyMatch(r -> r.status() == status);
  }
}
