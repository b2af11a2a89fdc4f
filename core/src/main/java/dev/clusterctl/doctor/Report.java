package dev.clusterctl.doctor;

import java.util.List;

/**
 * The doctor's report: plain data for the text, JSON and JUnit renderers.
 *
 * @param schemaVersion the version of the JSON schema in docs/doctor.md
 * @param inputs what was read (files, ConfigMaps, options)
 * @param notes assumptions made (a default Corefile, an inferred service)
 * @param target what was judged: the service, workload, discovery and naming, as label → value
 * @param results one result per check run, in registry order
 * @param summary counts per status
 */
public record Report(
    int schemaVersion, List<String> inputs, List<String> notes, List<Evidence> target, List<CheckResult> results, Summary summary) {

  /** The current schema version. */
  public static final int SCHEMA_VERSION = 1;

  /** Copies the lists. */
  public Report {
    inputs = List.copyOf(inputs);
    notes = List.copyOf(notes);
    target = List.copyOf(target);
    results = List.copyOf(results);
  }

  /** True when a check has {@code status}. */
  public boolean has(Status status) {
    return results.stream().anyMatch(r -> r.status() == status);
  }
}
