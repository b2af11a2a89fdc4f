package dev.clusterctl.cli.render.doctor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckResult;
import dev.clusterctl.judge.Evidence;
import dev.clusterctl.judge.Status;
import dev.clusterctl.report.Report;
import dev.clusterctl.report.Target;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The report as SARIF 2.1.0 (the OASIS Static Analysis Results Interchange Format, as GitHub code
 * scanning, kube-score and checkov use it): one run, its rules the checks that ran (from the check
 * registry: id, title, description, link to the reference), and one result per finding, a
 * failure as {@code error} and a warning as {@code warning}, located at the manifest file and line
 * of the object it is about. Passing and skipped checks are not findings and are left out; a check
 * that could not run is a tool execution notification.
 *
 * @see <a href="https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html">SARIF 2.1.0</a>
 */
public final class DoctorSarif {

  /** The schema the output declares (and the tests validate it against). */
  public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

  /** Where the check reference is published, for each rule's help link. */
  static final String REFERENCE = "https://github.com/clusterctl-dev/clusterctl/blob/main/docs/checks.md#";

  /** The base id of relative artifact locations: the directory clusterctl ran in (a checkout in CI). */
  static final String SRCROOT = "%SRCROOT%";

  /** {@code file:line} inside a longer text: {@code release config/vm.args.src:3}, {@code ConfigMap/… (coredns.yaml:4)}. */
  private static final Pattern FILE_LINE = Pattern.compile("([^\\s():]+):(\\d+)(?=$|[\\s),;])");

  private final ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final String version;
  private final Path workingDir;

  /** A renderer naming {@code version} as the tool's, with relative paths taken from {@code workingDir}. */
  public DoctorSarif(String version, Path workingDir) {
    this.version = version;
    this.workingDir = workingDir;
  }

  /** Writes {@code report}, whose results are those of {@code checks}. */
  public void render(Report report, List<Check> checks, PrintWriter out) {
    ObjectNode root = mapper.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "clusterctl");
    driver.put("semanticVersion", version);
    driver.put("informationUri", "https://github.com/clusterctl-dev/clusterctl");
    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rules = driver.putArray("rules");
    for (Check c : checks) {
      ruleIndex.put(c.id(), ruleIndex.size());
      rule(rules.addObject(), c);
    }
    ObjectNode invocation = run.putArray("invocations").addObject();
    invocation.put("executionSuccessful", report.results().stream().noneMatch(r -> r.status() == Status.ERROR));
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    run.putObject("originalUriBaseIds").putObject(SRCROOT).put("uri", workingDir.toUri().toString());
    ArrayNode results = run.putArray("results");
    for (CheckResult r : report.results()) {
      if (r.status() == Status.FAIL || r.status() == Status.WARN) {
        result(results.addObject(), r, ruleIndex, report.target());
      } else if (r.status() == Status.ERROR) {
        ObjectNode n = notifications.addObject();
        n.put("level", "error");
        n.putObject("message").put("text", r.id() + " could not run: " + r.message());
        ObjectNode descriptor = n.putObject("associatedRule");
        descriptor.put("id", r.id());
        Integer index = ruleIndex.get(r.id());
        if (index != null) {
          descriptor.put("index", index);
        }
      }
    }
    try {
      out.println(mapper.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write SARIF", e);
    }
    out.flush();
  }

  private static void rule(ObjectNode o, Check c) {
    o.put("id", c.id());
    o.put("name", pascal(c.id()));
    o.putObject("shortDescription").put("text", c.title());
    o.putObject("fullDescription").put("text", c.description());
    o.put("helpUri", REFERENCE + c.id());
    o.putObject("help").put("text", c.title() + "\n\n" + c.description() + "\n\nReference: " + REFERENCE + c.id());
    o.putObject("defaultConfiguration").put("level", "error");
    ObjectNode properties = o.putObject("properties");
    properties.putArray("tags").add("kubernetes").add("erlang").add(c.area().name().toLowerCase(Locale.ROOT));
    properties.put("live", c.live());
  }

  private void result(ObjectNode o, CheckResult r, Map<String, Integer> ruleIndex, Target target) {
    o.put("ruleId", r.id());
    Integer index = ruleIndex.get(r.id());
    if (index != null) {
      o.put("ruleIndex", index);
    }
    o.put("level", r.status() == Status.FAIL ? "error" : "warning");
    StringBuilder text = new StringBuilder(r.subject()).append(": ").append(r.message());
    r.remediation().ifPresent(fix -> text.append("\nFix: ").append(fix.text()));
    o.putObject("message").put("text", text.toString());
    ArrayNode locations = o.putArray("locations");
    ObjectNode location = locations.addObject();
    origin(r, target).flatMap(this::physical).ifPresent(p -> location.set("physicalLocation", p));
    ObjectNode logical = location.putArray("logicalLocations").addObject();
    logical.put("fullyQualifiedName", r.subject());
    logical.put("kind", "resource");
    ObjectNode properties = o.putObject("properties");
    properties.put("subject", r.subject());
    properties.put("area", r.area().name().toLowerCase(Locale.ROOT));
    if (!r.evidence().isEmpty()) {
      ObjectNode evidence = properties.putObject("evidence");
      for (Evidence e : r.evidence()) {
        evidence.put(e.label(), e.value());
      }
    }
  }

  /**
   * Where a result's object was read: the origin the target records for its subject (a Service, a
   * workload), else a {@code file:line} its subject or evidence names (a Corefile, a release file),
   * else the discovery's or the node name's origin for results about them.
   */
  static Optional<String> origin(CheckResult r, Target target) {
    String known = target.origins().get(r.subject());
    if (known != null) {
      return Optional.of(known);
    }
    List<String> texts = new ArrayList<>();
    texts.add(r.subject());
    r.evidence().forEach(e -> texts.add(e.value()));
    for (String t : texts) {
      Matcher m = FILE_LINE.matcher(t);
      if (m.find()) {
        return Optional.of(m.group(1) + ":" + m.group(2));
      }
    }
    if (r.subject().startsWith("discovery") && target.discovery().isPresent()) {
      return Optional.of(target.discovery().get().origin());
    }
    if (r.subject().startsWith("release") && target.nodeName().isPresent()) {
      return Optional.of(target.nodeName().get().origin());
    }
    return Optional.empty();
  }

  /**
   * The physical location of an origin: a file (and line) read from disk. A kustomization's
   * rendered output points at its {@code kustomization.yaml} (its lines are not the file's);
   * stdin, the API and defaults have none.
   */
  private Optional<ObjectNode> physical(String origin) {
    String file = origin;
    int line = 0;
    Matcher m = Pattern.compile("^(.*):(\\d+)$").matcher(origin);
    if (m.matches()) {
      file = m.group(1);
      line = Integer.parseInt(m.group(2));
    }
    if (file.startsWith("kustomize ")) {
      Path dir = Path.of(file.substring("kustomize ".length()));
      file = List.of("kustomization.yaml", "kustomization.yml", "Kustomization").stream()
          .map(dir::resolve).filter(p -> Files.isRegularFile(workingDir.resolve(p))).findFirst().map(Path::toString)
          .orElse(dir.toString());
      line = 0;
    }
    if (file.isEmpty() || file.startsWith("<")) {
      return Optional.empty();
    }
    Path path;
    try {
      path = Path.of(file);
    } catch (RuntimeException notAPath) {
      return Optional.empty();
    }
    if (!Files.exists(workingDir.resolve(path))) {
      return Optional.empty();
    }
    if (path.isAbsolute() && path.normalize().startsWith(workingDir)) {
      path = workingDir.relativize(path.normalize());
    }
    ObjectNode p = mapper.createObjectNode();
    ObjectNode artifact = p.putObject("artifactLocation");
    if (path.isAbsolute()) {
      artifact.put("uri", path.toUri().toString());
    } else {
      artifact.put("uri", relativeUri(path));
      artifact.put("uriBaseId", SRCROOT);
    }
    if (line > 0) {
      p.putObject("region").put("startLine", line);
    }
    return Optional.of(p);
  }

  private static String relativeUri(Path path) {
    List<String> parts = new ArrayList<>();
    for (Path part : path.normalize()) {
      parts.add(part.toString());
    }
    try {
      return new URI(null, null, String.join("/", parts), null).getRawPath();
    } catch (URISyntaxException e) {
      return String.join("/", parts);
    }
  }

  private static String pascal(String id) {
    StringBuilder sb = new StringBuilder();
    for (String part : id.split("-")) {
      if (!part.isEmpty()) {
        sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return sb.toString();
  }
}
