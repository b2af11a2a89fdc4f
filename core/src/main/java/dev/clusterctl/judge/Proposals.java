package dev.clusterctl.judge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.fix.Change;
import dev.clusterctl.fix.FieldPath;
import dev.clusterctl.fix.ObjectKey;
import dev.clusterctl.model.ContainerInfo;
import dev.clusterctl.model.Discovery;
import dev.clusterctl.model.EnvVar;
import dev.clusterctl.model.ServiceInfo;
import dev.clusterctl.model.WorkloadInfo;
import dev.clusterctl.model.WorkloadKind;
import dev.clusterctl.release.KubeExpansion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The building blocks of the checks' proposals: the keys of the model's objects and the fields they change. */
final class Proposals {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Where gen_cluster's discovery is set ({@code config/sys.config:3}): the sys.config a {@link Change.DiscoverySetting} edits. */
  private static final Pattern SYS_CONFIG_LINE = Pattern.compile("(.*sys\\.config[^:]*):(\\d+)");

  private Proposals() {}

  /** The key of workload {@code w}. */
  static ObjectKey key(WorkloadInfo w) {
    return new ObjectKey("apps/v1", w.kind() == WorkloadKind.STATEFULSET ? "StatefulSet" : "Deployment", w.namespace(), w.name());
  }

  /** The key of Service {@code s}. */
  static ObjectKey key(ServiceInfo s) {
    return new ObjectKey("v1", "Service", s.namespace(), s.name());
  }

  /** Field {@code path} of {@code object} set to the text {@code value}. */
  static Change.ObjectField text(ObjectKey object, String path, String value) {
    return new Change.ObjectField(object, FieldPath.parse(path), JSON.textNode(value));
  }

  /** Field {@code path} of {@code object} set to {@code value}. */
  static Change.ObjectField field(ObjectKey object, String path, JsonNode value) {
    return new Change.ObjectField(object, FieldPath.parse(path), value);
  }

  /** Field {@code path} of the release container of {@code w} ({@code env[name=X]}, {@code ports[containerPort=N]}) set to {@code value}. */
  static Change.ObjectField containerField(WorkloadInfo w, String path, JsonNode value) {
    return field(key(w), containerPath(w) + "." + path, value);
  }

  /** The path of the release container of {@code w} in its workload. */
  static String containerPath(WorkloadInfo w) {
    return "spec.template.spec.containers[name=" + release(w).name() + "]";
  }

  /** The env entry {@code name=value} of the release container of {@code w}. */
  static Change.ObjectField envValue(WorkloadInfo w, String name, String value) {
    return containerField(w, "env[name=" + name + "]", JSON.objectNode().put("name", name).put("value", value));
  }

  /** The env entry {@code name} of the release container of {@code w}, from {@code fieldRef} {@code fieldPath}. */
  static Change.ObjectField envFieldRef(WorkloadInfo w, String name, String fieldPath) {
    ObjectNode e = JSON.objectNode().put("name", name);
    e.putObject("valueFrom").putObject("fieldRef").put("fieldPath", fieldPath);
    return containerField(w, "env[name=" + name + "]", e);
  }

  /**
   * The moves that put each env entry of the release container of {@code w} above the first entry
   * whose value references it as {@code $(VAR)}: Kubernetes expands a reference only from an entry
   * defined earlier. Moves are listed top entry first, each finding its entry where the moves before
   * it left it (an entry moved up shifts only the entries between its two places).
   */
  static List<Change> envDefinedBeforeUse(WorkloadInfo w) {
    List<EnvVar> env = release(w).env();
    Map<String, Integer> firstUse = new LinkedHashMap<>();
    for (int i = 0; i < env.size(); i++) {
      if (env.get(i).value() != null && env.get(i).from() == null) {
        for (String ref : KubeExpansion.references(env.get(i).value())) {
          firstUse.putIfAbsent(ref, i);
        }
      }
    }
    List<Change> moves = new ArrayList<>();
    for (int j = 0; j < env.size(); j++) {
      Integer use = firstUse.get(env.get(j).name());
      if (use != null && use < j) {
        String name = env.get(j).name();
        moves.add(field(key(w), containerPath(w) + ".env[name=" + name + ",before=" + env.get(use).name() + "]", JSON.objectNode().put("name", name)));
      }
    }
    return moves;
  }

  /** The sys.config that sets discovery {@code d}, when a line of one does (not a command-line strategy). */
  static Optional<String> sysConfigOf(Discovery d) {
    Matcher m = SYS_CONFIG_LINE.matcher(d.origin());
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The container that runs the release (the first). */
  static ContainerInfo release(WorkloadInfo w) {
    return w.template().release();
  }
}
