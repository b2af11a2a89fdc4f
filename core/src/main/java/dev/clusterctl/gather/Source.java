package dev.clusterctl.gather;

/**
 * Where the doctor reads what is deployed: manifests and release files ({@link FileSource}), the
 * Kubernetes API ({@link ApiSource}) or the pod it runs in ({@link LocalSource}). Every source ends
 * in the same {@link Gathered}, which the rest of the pipeline models, observes and judges.
 */
public interface Source extends AutoCloseable {

  /** Reads and parses every input; an unusable input is a {@link dev.clusterctl.error.BadInputException}. */
  Gathered gather();

  /** Releases what the source holds open (an API client); nothing by default. */
  @Override
  default void close() {}
}
