package dev.clusterctl.doctor;

import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import java.io.InputStream;
import java.util.List;

/** The file-based doctor: gather from files, build the model, run the checks. */
public final class FileDoctor {

  private final FileSource source;

  /** A doctor reading {@code -} from {@code stdin} and {@code -k} through {@code kustomize}. */
  public FileDoctor(InputStream stdin, Kustomize kustomize) {
    this.source = new FileSource(stdin, kustomize);
  }

  /** Reads {@code inputs}, models them with {@code options}, and runs {@code checks}. */
  public Report run(FileInputs inputs, TargetOptions options, List<Check> checks) {
    return Doctor.diagnose(source.gather(inputs), options, checks);
  }
}
