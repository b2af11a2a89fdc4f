package dev.clusterctl.judge;
import dev.clusterctl.model.WorkloadInfo;

import dev.clusterctl.erlang.CookieHash;
import dev.clusterctl.expect.ExamplePod;
import dev.clusterctl.model.Assumption;
import dev.clusterctl.model.CookieSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Every pod gets the same cookie, from one source; compared by hash, never shown. */
public final class CookieConsistent extends BaseCheck {

  /** The check. */
  public CookieConsistent() {
    super(
        "cookie-consistent",
        Area.DISTRIBUTION,
        "Every pod gets the same cookie from one source",
        "Nodes accept each other only with the same cookie (\"Connection attempt from disallowed node\"). The cookie "
            + "comes from `RELX_COOKIE`/`RELEASE_COOKIE` in the environment, `-setcookie` in vm.args (possibly a "
            + "`${VAR}`), or a cookie file: `~/.erlang.cookie` for a plain release — created at random on first start "
            + "unless it is in the image — and an Elixir release's built-in `releases/COOKIE`. A cookie variable that is "
            + "unset or empty in a pod fails: relx renders an empty `-setcookie`. The cookie is compared "
            + "per pod by SHA-256 and never shown; a value from a Secret is compared by the Secret's name and key.");
  }

  @Override
  public Set<Assumption.Topic> restsOn() {
    return Set.of(Assumption.Topic.COOKIE);
  }

  @Override
  public CheckResult run(DoctorContext ctx) {
    List<CookieSource> sources = ctx.model().release().cookies();
    String subject = "release";
    if (ctx.sim().pods().isEmpty()) {
      return skip(subject, "no workload: no pod to compare");
    }
    if (sources.isEmpty()) {
      if (ctx.model().release().naming().isEmpty() && !ctx.model().release().elixir()) {
        return skip(subject, "release unknown: give --vm-args (or set RELX_COOKIE/RELEASE_COOKIE in the container)");
      }
      if (ctx.model().release().elixir()) {
        return pass(subject, "no RELEASE_COOKIE: every pod uses the release's built-in releases/COOKIE from the same image").build();
      }
      return warn(subject, "no cookie set: each node reads ~/.erlang.cookie, the same only if it is baked into the image (else a random one per pod)")
          .fix(Remediation.of("Give every pod the cookie from one Secret.", "yaml", Snippet.envFromSecret(ctx.workload().get(), "RELX_COOKIE")))
          .build();
    }
    CookieSource used = sources.get(0);
    CheckResult unset = unsetCookie(used, ctx.sim().pods(), ctx.workload().get());
    if (unset != null) {
      return unset;
    }
    Map<String, String> perPod = new LinkedHashMap<>();
    for (ExamplePod p : ctx.sim().pods()) {
      perPod.put(p.name(), identity(sources.get(0), p));
    }
    Set<String> distinct = new LinkedHashSet<>(perPod.values());
    if (distinct.size() > 1) {
      CheckResult.Builder b = fail(subject, "pods get different cookies from " + used.origin() + ": they refuse each other");
      perPod.entrySet().stream().limit(3).forEach(e -> b.evidence(e.getKey(), e.getValue()));
      return b.fix(Remediation.of("Take the cookie from one Secret, the same for every pod.", "yaml",
              Snippet.envFromSecret(ctx.workload().get(), used.envVar() == null ? "RELX_COOKIE" : used.envVar())))
          .build();
    }
    if (sources.size() > 1) {
      ExamplePod p = ctx.sim().pods().get(0);
      Set<String> values = new LinkedHashSet<>();
      for (CookieSource s : sources) {
        values.add(identity(s, p));
      }
      if (values.size() > 1) {
        CheckResult.Builder b = warn(subject, "the cookie is set in " + sources.size() + " places with different values; which one wins depends on the start script");
        for (CookieSource s : sources) {
          b.evidence(s.origin(), identity(s, p));
        }
        return b.fix(Remediation.text("Set the cookie in one place only (a Secret in the environment).")).build();
      }
    }
    return pass(subject, "every pod gets the same cookie (" + distinct.iterator().next() + ") from " + used.origin()).build();
  }

  /** A failure when the cookie {@code used} is unset or empty in some pod (naming the variables, never a value), else {@code null}. */
  private CheckResult unsetCookie(CookieSource used, List<ExamplePod> pods, WorkloadInfo w) {
    Set<String> missing = new LinkedHashSet<>();
    List<String> podsMissing = new ArrayList<>();
    for (ExamplePod p : pods) {
      List<String> m = unsetVariables(used, p);
      if (!m.isEmpty()) {
        missing.addAll(m);
        podsMissing.add(p.name());
      }
    }
    if (missing.isEmpty()) {
      return null;
    }
    String vars = missing.stream().map(v -> used.envVar() == null ? "${" + v + "}" : v).reduce((a, b) -> a + ", " + b).orElseThrow();
    String where = podsMissing.size() == pods.size() ? "every pod" : podsMissing.size() + " of " + pods.size() + " pods";
    String effect = used.envVar() == null ? "-setcookie renders empty" : "the cookie is empty";
    CheckResult.Builder b = fail("release", "cookie from " + used.origin() + ": " + vars + " unset or empty in " + where + ", so " + effect + " and nodes do not share a cookie")
        .evidence("variable", vars)
        .evidence("example pod", podsMissing.get(0));
    String env = missing.iterator().next();
    return b.fix(Remediation.of("Set " + vars + " in the container from one Secret, the same for every pod.", "yaml", Snippet.envFromSecret(w, env)))
        .build();
  }

  /** The variables that make up cookie {@code s} and are unset or empty in {@code pod}. */
  static List<String> unsetVariables(CookieSource s, ExamplePod pod) {
    List<String> vars = s.envVar() != null ? List.of(s.envVar()) : s.variables();
    List<String> out = new ArrayList<>();
    for (String v : vars) {
      String value = pod.env().get(v);
      if (value == null || value.isEmpty()) {
        out.add(v);
      }
    }
    return out;
  }

  /** The cookie's identity for one pod: a keyed label of its value ({@link CookieHash#label}), or the Secret it comes from. */
  static String identity(CookieSource s, ExamplePod pod) {
    if (s.envVar() != null) {
      return valueIdentity(pod.env().get(s.envVar()));
    }
    if (s.variables().isEmpty()) {
      return s.literalHash() == null ? "(unset)" : CookieHash.label(s.literalHash());
    }
    List<String> parts = new ArrayList<>();
    for (String v : s.variables()) {
      parts.add("${" + v + "} " + valueIdentity(pod.env().get(v)));
    }
    return String.join(", ", parts);
  }

  private static String valueIdentity(String value) {
    if (value == null) {
      return "(unset)";
    }
    if (value.startsWith("<secret ") && value.endsWith(">")) {
      return "from secret " + value.substring("<secret ".length(), value.length() - 1);
    }
    return CookieHash.label(CookieHash.of(value));
  }
}
