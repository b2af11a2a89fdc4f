package dev.clusterctl.release;

import dev.clusterctl.erlang.CookieHash;
import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.release.ShellEvaluator.Tri;
import dev.clusterctl.release.ShellVars.Binding;
import dev.clusterctl.release.TextValue.Hole;
import dev.clusterctl.release.TextValue.HoleKind;
import dev.clusterctl.release.TextValue.Literal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Works out {@link ReleaseNaming} for one container: Kubernetes' expansion of its env, command
 * and args ({@link KubeExpansion}); the wrappers and entrypoint scripts it runs
 * ({@link ShellScript}); then what the release's own start script does (Elixir: {@code env.sh},
 * {@code RELEASE_*}; relx: {@code vm.args(.src)}, {@code ERL_DIST_PORT}) and how {@code erl}
 * resolves the flags ({@link FlagPrecedence}, where the order of every source is documented).
 *
 * <p>Nothing is guessed: what the inputs leave open is a hole in the name and a {@link Gap}
 * naming the input that would settle it; what had to be taken for granted is an assumption,
 * listed too.
 */
public final class ReleaseNamingReader {

  /** Variables images rarely set: when no input sets them they are taken as unset, and the assumption listed. */
  private static final Set<String> RARELY_SET_BY_IMAGES = Set.of("ERL_AFLAGS", "ERL_FLAGS", "ERL_ZFLAGS", "ELIXIR_ERL_OPTIONS",
      "RELEASE_VM_ARGS", "VMARGS_PATH", "RELX_REPLACE_OS_VARS", "ERL_DIST_PORT");
  private static final Pattern RELX_VAR = Pattern.compile("\\$\\{([^}]*)}");
  private static final Pattern NAME_LINE = Pattern.compile("^-s?name +.*");
  private static final int MAX_ARGS_FILES = 8;

  private final ReleaseInputs in;
  private final ShellContext ctx;
  private final List<Gap> unknowns = new ArrayList<>();
  private final List<Gap> assumptions = new ArrayList<>();
  private final Set<String> assumed = new LinkedHashSet<>();
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final List<ShellNote> notes = new ArrayList<>();
  private final List<ShellRun.CookieWrite> cookieWrites = new ArrayList<>();
  private List<String> settle = List.of(Gap.RELEASE_DIR);
  /** RELEASE_COOKIE after env.sh, for an Elixir release. */
  private Binding releaseCookie;

  private ReleaseNamingReader(ReleaseInputs in) {
    this.in = in;
    this.ctx = new ShellContext(in.hosts(), path -> Optional.ofNullable(in.files().get(path)));
  }

  /** Reads how the container in {@code in} names its node. Never throws on bad input. */
  public static ReleaseNaming read(ReleaseInputs in) {
    return new ReleaseNamingReader(in).run();
  }

  // ---- the container ----

  private ReleaseNaming run() {
    Map<String, TextValue> containerEnv = KubeExpansion.containerEnv(in.env());
    checkEnvExpansion();
    ShellVars vars = KubeExpansion.startingVars(in.env(), in.envComplete());
    List<TextValue> words = new ArrayList<>();
    for (int i = 0; i < in.command().size(); i++) {
      words.add(expandArg(in.command().get(i), Origin.arg("command", i), containerEnv));
    }
    for (int i = 0; i < in.args().size(); i++) {
      words.add(expandArg(in.args().get(i), Origin.arg("args", i), containerEnv));
    }
    Launch launch = launch(words, vars);
    notes.addAll(launch.notes());
    cookieWrites.addAll(launch.cookieWrites());
    ReleaseKind kind = launch.kind();
    if (kind == ReleaseKind.RELEASE) {
      kind = guessFromFiles();
    }
    return switch (kind) {
      case ELIXIR_RELEASE -> elixirRelease(launch);
      case RELX_RELEASE -> relxRelease(launch);
      case ERL -> erl(launch);
      case ELIXIR_CLI -> elixirCli(launch);
      case RELEASE -> {
        unknowns.add(new Gap("the release's start script", launch.why(), List.of(Gap.RELEASE_DIR), launch.origin()));
        yield result(ReleaseKind.RELEASE, launch, Distribution.UNKNOWN, Optional.empty(), Optional.empty(), flags(List.of(), null), null);
      }
      case NOT_A_NODE -> result(kind, launch, Distribution.NONE, Optional.empty(), Optional.empty(), flags(List.of(), null), null);
      case UNKNOWN -> {
        unknowns.add(new Gap("the program the container runs", launch.why(), List.of(Gap.RELEASE_DIR), launch.origin()));
        yield result(kind, launch, Distribution.UNKNOWN, Optional.empty(), Optional.empty(), flags(List.of(), null), null);
      }
    };
  }

  /** An Elixir release has an env.sh; a relx release has vm.args.src. */
  private ReleaseKind guessFromFiles() {
    if (in.releaseEnv().isPresent()) {
      return ReleaseKind.ELIXIR_RELEASE;
    }
    if (in.vmArgs().map(v -> v.name().endsWith(".src")).orElse(false)) {
      return ReleaseKind.RELX_RELEASE;
    }
    if (in.vmArgs().map(v -> v.name().endsWith(".eex")).orElse(false)) {
      return ReleaseKind.ELIXIR_RELEASE;
    }
    return ReleaseKind.RELEASE;
  }

  private void checkEnvExpansion() {
    Map<String, TextValue> earlier = new java.util.LinkedHashMap<>();
    Set<String> all = new LinkedHashSet<>();
    in.env().forEach(e -> all.add(e.name()));
    for (EnvEntry e : in.env()) {
      if (e.source() == EnvEntry.Source.VALUE && e.value() != null) {
        for (String ref : KubeExpansion.expand(e.value(), e.origin(), earlier).leftLiteral()) {
          warnings.add(literalWarning("env " + e.name() + " (" + e.origin() + ")", ref, all.contains(ref)
              ? ref + " is defined later in the container; Kubernetes expands only variables defined earlier" : null));
        }
      }
      earlier.put(e.name(), TextValue.empty());
    }
  }

  private TextValue expandArg(String word, Origin origin, Map<String, TextValue> env) {
    KubeExpansion.Expanded e = KubeExpansion.expand(word, origin, env);
    for (String ref : e.leftLiteral()) {
      warnings.add(literalWarning(origin.toString(), ref, null));
    }
    return e.value();
  }

  private static String literalWarning(String where, String ref, String why) {
    boolean command = ref.contains(" ") || ref.startsWith("hostname");
    return where + " holds '$(" + ref + ")', which Kubernetes leaves as literal text: "
        + (why != null ? why : command ? "Kubernetes runs no shell, so no command is run"
            : ref + " is not a variable of the container");
  }

  private Launch launch(List<TextValue> words, ShellVars vars) {
    Optional<String> name = in.releaseName();
    if (words.isEmpty()) {
      if (in.kindHint() == ReleaseKind.ELIXIR_RELEASE || in.kindHint() == ReleaseKind.RELX_RELEASE) {
        String command = in.kindHint() == ReleaseKind.ELIXIR_RELEASE ? "start" : "foreground";
        String program = "bin/" + name.orElse("NAME");
        assumption("the container's command", "the container sets no command, so the image's own runs; assumed it is '"
            + program + " " + command + "'", Origin.arg("command", 0));
        return new Launch(in.kindHint(), program, name, Optional.empty(), Optional.of(command), List.of(), vars,
            Origin.arg("command", 0), List.of(), List.of(), "assumed: the image runs the release with '" + command + "'");
      }
      return new Launch(ReleaseKind.UNKNOWN, "", Optional.empty(), Optional.empty(), Optional.empty(), List.of(), vars,
          Origin.arg("command", 0), List.of(), List.of(), "the container sets no command, so the image's own runs");
    }
    if (in.command().isEmpty()) {
      String first = words.get(0).known().orElse("");
      if (!first.contains("/") && name.isPresent()
          && (in.kindHint() == ReleaseKind.ELIXIR_RELEASE || in.kindHint() == ReleaseKind.RELX_RELEASE)) {
        List<TextValue> full = new ArrayList<>();
        full.add(TextValue.of("bin/" + name.get(), Origin.defaulted("the image's ENTRYPOINT")));
        full.addAll(words);
        assumption("the container's command", "args without a command go to the image's ENTRYPOINT; assumed it is 'bin/"
            + name.get() + "'", Origin.arg("args", 0));
        return Launcher.find(full, vars, ctx, in.kindHint(), Origin.arg("args", 0));
      }
      assumption("the container's command", "args without a command go to the image's ENTRYPOINT; assumed the image has none, "
          + "so the args are the command", Origin.arg("args", 0));
      return Launcher.find(words, vars, ctx, in.kindHint(), Origin.arg("args", 0));
    }
    return Launcher.find(words, vars, ctx, in.kindHint(), Origin.arg("command", 0));
  }

  // ---- Elixir release ----

  private ReleaseNaming elixirRelease(Launch launch) {
    settle = List.of(Gap.RELEASE_ENV, Gap.RELEASE_DIR);
    Optional<String> name = launch.releaseName().filter(n -> !n.equals("server")).or(in::releaseName);
    String program = launch.program();
    Origin script = Origin.defaulted("the Elixir release script " + program);
    ShellVars v = launch.vars();
    TextValue nameValue = name.map(n -> TextValue.of(n, script)).orElse(TextValue.hole("${RELEASE_NAME}", HoleKind.UNKNOWN,
        "the release name is not known", script));
    if (name.isEmpty()) {
      unknowns.add(new Gap("the release name", "the start script's name does not give it", List.of(Gap.RELEASE_DIR), launch.origin()));
    }
    v = v.with("RELEASE_NAME", new Binding(colonDash(v, "RELEASE_NAME", nameValue, script), true, false));
    v = v.with("RELEASE_ROOT", new Binding(launch.releaseRoot().map(r -> TextValue.of(r, script))
        .orElse(TextValue.hole("${RELEASE_ROOT}", HoleKind.RUNTIME, "the release folder in the image", script)), true, false));
    TextValue vsn = in.releaseVersion().map(x -> TextValue.of(x, script))
        .orElse(TextValue.hole("${RELEASE_VSN}", HoleKind.RUNTIME, "the release version in the image", script));
    v = v.with("RELEASE_VSN", new Binding(colonDash(v, "RELEASE_VSN", vsn, script), true, false));
    v = v.with("RELEASE_COMMAND", new Binding(TextValue.of(launch.command().orElse("start"), launch.origin()), true, false));
    v = v.with("RELEASE_PROG", new Binding(TextValue.of(program.substring(program.lastIndexOf('/') + 1), launch.origin()), true, false));

    if (in.releaseEnv().isPresent()) {
      NamedText env = in.releaseEnv().get();
      String text = env.text();
      ShellVars start = v;
      if (env.name().endsWith(".eex")) {
        EexTemplate.Rendered r = EexTemplate.render(text, env.name(), name.orElse(null), in.releaseVersion().orElse(null));
        notes.addAll(r.notes());
        text = r.text();
        start = r.bind(v);
      }
      ShellRun run = ShellScript.run(text, env.name(), start, ctx);
      notes.addAll(run.notes());
      cookieWrites.addAll(run.cookieWrites());
      v = run.vars();
      for (ShellNote n : run.opaque()) {
        unknowns.add(new Gap("what " + env.name() + " sets", n.what(), List.of(Gap.RELEASE_ENV), Origin.file(n.file(), n.line())));
      }
      if (run.exec().isPresent()) {
        problems.add(env.name() + ":" + run.exec().get().line() + " runs 'exec': the release script never gets past env.sh");
      }
      if (run.stopped() && run.exec().isEmpty()) {
        problems.add(env.name() + " stops the release script (" + run.notes().stream()
            .filter(n -> n.kind() == ShellNote.Kind.EXIT || n.kind() == ShellNote.Kind.SYNTAX_ERROR)
            .map(ShellNote::toString).findFirst().orElse("exit") + ")");
      }
    } else {
      assumption("the release's env.sh", "not among the inputs; assumed it sets none of RELEASE_DISTRIBUTION, RELEASE_NODE, "
          + "RELEASE_COOKIE (the env.sh mix release writes by default sets none)", script);
    }

    TextValue node = colonDash(v, "RELEASE_NODE", v.get("RELEASE_NAME").value(), script);
    TextValue dist = colonDash(v, "RELEASE_DISTRIBUTION", TextValue.of("sname", script), script);
    Binding cookieBinding = v.get("RELEASE_COOKIE");
    releaseCookie = cookieBinding;

    List<ErlFlag> cmd = new ArrayList<>();
    cmd.addAll(flagsOfVariable(v, "ELIXIR_ERL_OPTIONS", true));
    Origin cookieOrigin = cookieBinding == null ? Origin.defaulted("releases/COOKIE in the release")
        : cookieBinding.value().origins().isEmpty() ? Origin.env("RELEASE_COOKIE") : cookieBinding.value().origins().get(0);
    CookieValue scriptCookie = new CookieValue(cookieOrigin, List.of("RELEASE_COOKIE"),
        cookieBinding == null ? Optional.empty() : cookieBinding.value().known().map(CookieHash::of));
    cmd.add(new ErlFlag("-setcookie", List.of(TextValue.of("<redacted>", cookieOrigin)), cookieOrigin, scriptCookie));
    Distribution distribution = Distribution.UNKNOWN;
    Optional<String> d = dist.known();
    Origin nodeOrigin = node.origins().isEmpty() ? script : node.origins().get(0);
    if (d.isPresent()) {
      switch (d.get()) {
        case "name", "sname" -> cmd.add(new ErlFlag("-" + d.get(), List.of(node), nodeOrigin, null));
        case "none" -> distribution = Distribution.NONE;
        default -> problems.add("RELEASE_DISTRIBUTION is '" + d.get() + "' (" + dist.origins().get(0)
            + "): the release script stops; it accepts sname, name or none");
      }
    } else {
      unknowns.add(new Gap("RELEASE_DISTRIBUTION", dist.holes().isEmpty() ? "not known" : dist.holes().get(0).reason(), settle,
          dist.origins().isEmpty() ? script : dist.origins().get(0)));
    }
    Optional<NamedText> vmArgs = elixirVmArgs(v, name);
    if (vmArgs.isPresent()) {
      String text = vmArgs.get().text();
      if (vmArgs.get().name().endsWith(".eex")) {
        EexTemplate.Rendered r = EexTemplate.render(text, vmArgs.get().name(), name.orElse(null), in.releaseVersion().orElse(null));
        text = r.text();
        notes.addAll(r.notes());
      }
      if (text.contains("${")) {
        warnings.add(vmArgs.get().name() + " holds ${…}: Elixir releases do not replace variables in vm.args, "
            + "so the VM sees the text as written");
      }
      cmd.addAll(flagsOfFile(fileText(text, vmArgs.get().name())));
    }
    cmd.addAll(ErlFlag.parse(launch.args(), i -> wordOrigin(launch.args().get(i), launch.origin())));
    EffectiveFlags eff = flags(cmd, v);
    Optional<TextValue> shownName = Optional.of(node);
    if (distribution != Distribution.NONE && eff.node().isPresent()) {
      distribution = eff.node().get().mode() == NameMode.LONG ? Distribution.LONG : Distribution.SHORT;
      shownName = Optional.of(eff.node().get().name());
    } else if (distribution == Distribution.NONE) {
      shownName = Optional.empty();
    }
    return result(ReleaseKind.ELIXIR_RELEASE, launch, distribution, shownName,
        eff.node().map(EffectiveFlags.NodeName::origin).or(() -> Optional.of(nodeOrigin)), eff, scriptCookie);
  }

  private Optional<NamedText> elixirVmArgs(ShellVars v, Optional<String> name) {
    Binding path = openVar(v, "RELEASE_VM_ARGS");
    if (path != null) {
      Optional<String> p = path.value().known();
      Optional<String> text = p.map(in.files()::get);
      if (text.isPresent()) {
        return Optional.of(new NamedText(p.get(), text.get()));
      }
      unknowns.add(new Gap("vm.args", "RELEASE_VM_ARGS names " + path.value().template() + ", which is not among the inputs",
          List.of(Gap.VM_ARGS, Gap.RELEASE_DIR), path.value().origins().isEmpty() ? Origin.env("RELEASE_VM_ARGS") : path.value().origins().get(0)));
      return Optional.empty();
    }
    if (in.vmArgs().isEmpty()) {
      assumption("the release's vm.args", "not among the inputs; assumed it has no -name, -sname or -setcookie "
          + "(the vm.args mix release writes by default has none)", Origin.defaulted("releases/VSN/vm.args of the release"));
    }
    return in.vmArgs();
  }

  // ---- relx release ----

  private ReleaseNaming relxRelease(Launch launch) {
    settle = List.of(Gap.VM_ARGS, Gap.RELEASE_DIR);
    ShellVars v = launch.vars();
    for (String ignored : List.of("RELEASE_NODE", "RELEASE_DISTRIBUTION", "RELEASE_COOKIE")) {
      Binding b = v.get(ignored);
      if (b != null && !b.mayBeUnset()) {
        warnings.add(ignored + " is set, but relx start scripts do not read it: the node name comes from vm.args");
      }
    }
    Binding relxCookie = v.get("RELX_COOKIE");
    if (relxCookie != null && !relxCookie.mayBeUnset()) {
      warnings.add("RELX_COOKIE is set, but relx gives it only to the script's own remote commands (remote, rpc), "
          + "never to the node: the node's cookie is -setcookie in vm.args, else ~/.erlang.cookie");
    }
    Optional<NamedText> vmArgs = relxVmArgs(v);
    if (vmArgs.isEmpty()) {
      return result(ReleaseKind.RELX_RELEASE, launch, Distribution.UNKNOWN, Optional.empty(), Optional.empty(), flags(List.of(), null), null);
    }
    NamedText file = vmArgs.get();
    Binding replace = openVar(v, "RELX_REPLACE_OS_VARS");
    boolean render = file.name().endsWith(".src") || replace != null && ShellEvaluator.nonEmpty(replace.value()) == Tri.TRUE;
    if (replace != null && ShellEvaluator.nonEmpty(replace.value()) == Tri.UNKNOWN && !file.name().endsWith(".src")) {
      unknowns.add(new Gap("whether vm.args is rendered", "RELX_REPLACE_OS_VARS may be set", settle, Origin.env("RELX_REPLACE_OS_VARS")));
    }
    TextValue text = render ? relxRender(file.text(), file.name(), v) : fileText(file.text(), file.name());
    List<TextValue> lines = lines(text);
    long nameLines = lines.stream().filter(l -> namesNode(l.template())).count();
    if (nameLines == 0) {
      problems.add(file.name() + " has no '-name' or '-sname' line: the relx start script stops "
          + "(\"need to have exactly one of either -name or -sname parameters\")");
    } else if (nameLines > 1) {
      problems.add(file.name() + " has " + nameLines + " '-name'/'-sname' lines: the relx start script stops, it wants exactly one");
    }
    boolean startEpmdLine = lines.stream().anyMatch(l -> l.template().startsWith("-start_epmd"));
    List<ErlFlag> cmd = new ArrayList<>(flagsOfFile(text));
    Binding distPort = openVar(v, "ERL_DIST_PORT");
    if (distPort != null) {
      Tri set = distPort.mayBeUnset() ? Tri.UNKNOWN : ShellEvaluator.nonEmpty(distPort.value());
      if (set == Tri.TRUE) {
        Origin o = Origin.env("ERL_DIST_PORT");
        cmd.add(new ErlFlag("-erl_epmd_port", List.of(distPort.value()), o, null));
        if (!startEpmdLine) {
          cmd.add(new ErlFlag("-start_epmd", List.of(TextValue.of("false", o)), o, null));
        }
      } else if (set == Tri.UNKNOWN) {
        unknowns.add(new Gap("ERL_DIST_PORT", "may be set; relx then adds -erl_epmd_port and -start_epmd false", settle,
            Origin.env("ERL_DIST_PORT")));
      }
    }
    cmd.addAll(ErlFlag.parse(launch.args(), i -> wordOrigin(launch.args().get(i), launch.origin())));
    EffectiveFlags eff = flags(cmd, v);
    Distribution distribution = eff.node().map(n -> n.mode() == NameMode.LONG ? Distribution.LONG : Distribution.SHORT)
        .orElse(Distribution.UNKNOWN);
    return result(ReleaseKind.RELX_RELEASE, launch, distribution, eff.node().map(EffectiveFlags.NodeName::name),
        eff.node().map(EffectiveFlags.NodeName::origin), eff, null);
  }

  /** True for a vm.args line relx's start script counts as the node's name ({@code -name …} or {@code -sname …} at the line's start). */
  public static boolean namesNode(String vmArgsLine) {
    return NAME_LINE.matcher(vmArgsLine).matches();
  }

  private Optional<NamedText> relxVmArgs(ShellVars v) {
    Binding path = openVar(v, "VMARGS_PATH");
    if (path != null) {
      Optional<String> p = path.value().known();
      Optional<String> text = p.map(in.files()::get);
      if (text.isPresent()) {
        return Optional.of(new NamedText(p.get(), text.get()));
      }
      unknowns.add(new Gap("the node name", "VMARGS_PATH names " + path.value().template()
          + ", which is not among the inputs; relx takes the node name from it", settle, Origin.env("VMARGS_PATH")));
      return Optional.empty();
    }
    if (in.vmArgs().isEmpty()) {
      unknowns.add(new Gap("the node name", "relx takes it from the release's vm.args, which is not among the inputs", settle,
          Origin.defaulted("releases/VSN/vm.args of the release")));
    }
    return in.vmArgs();
  }

  /** vm.args.src rendered as relx's start script does ({@code replace_os_vars}): unset is empty. */
  private TextValue relxRender(String text, String file, ShellVars v) {
    TextValue out = TextValue.empty();
    String[] lines = text.split("(?<=\n)");
    for (int n = 0; n < lines.length; n++) {
      Origin here = Origin.file(file, n + 1);
      Matcher m = RELX_VAR.matcher(lines[n]);
      int last = 0;
      while (m.find()) {
        out = out.concat(TextValue.of(lines[n].substring(last, m.start()), here));
        last = m.end();
        String body = m.group(1);
        int dash = body.indexOf(":-");
        String var = dash < 0 ? body : body.substring(0, dash);
        TextValue dflt = dash < 0 ? TextValue.empty() : TextValue.of(body.substring(dash + 2), here);
        Binding b = v.get(var);
        Tri useValue = b == null || !b.exported() ? Tri.FALSE
            : b.mayBeUnset() ? Tri.UNKNOWN : ShellEvaluator.nonEmpty(b.value());
        if (useValue == Tri.TRUE) {
          out = out.concat(b.value());
        } else if (useValue == Tri.FALSE) {
          if (dash < 0) {
            warnings.add(file + ":" + (n + 1) + ": ${" + var + "} is not set, so relx replaces it with nothing");
          }
          out = out.concat(dflt);
        } else {
          out = out.concat(TextValue.hole(m.group(), HoleKind.UNKNOWN, var + " is not set by any input; the image may set it"
              + (dash < 0 ? "" : " (else '" + dflt.template() + "')"), b.value().origins().isEmpty() ? here : b.value().origins().get(0)));
        }
      }
      out = out.concat(TextValue.of(lines[n].substring(last), here));
    }
    return out;
  }

  // ---- erl, elixir ----

  private ReleaseNaming erl(Launch launch) {
    settle = List.of(Gap.RELEASE_DIR);
    List<TextValue> words = expandArgsFiles(launch.args(), 0);
    EffectiveFlags eff = flags(ErlFlag.parse(words, i -> wordOrigin(words.get(i), launch.origin())), launch.vars());
    return fromFlags(ReleaseKind.ERL, launch, eff);
  }

  private ReleaseNaming elixirCli(Launch launch) {
    settle = List.of(Gap.RELEASE_DIR);
    List<ErlFlag> cmd = new ArrayList<>(flagsOfVariable(launch.vars(), "ELIXIR_ERL_OPTIONS", true));
    List<TextValue> erl = new ArrayList<>();
    List<TextValue> set = new ArrayList<>();
    List<TextValue> a = launch.args();
    boolean mix = launch.program().endsWith("mix");
    for (int i = 0; i < a.size() && !mix; i++) {
      String w = a.get(i).known().orElse("");
      switch (w) {
        case "--name", "--sname", "--cookie", "--vm-args" -> {
          if (i + 1 < a.size()) {
            set.add(TextValue.of(switch (w) {
              case "--cookie" -> "-setcookie";
              case "--vm-args" -> "-args_file";
              default -> w.substring(1);
            }, wordOrigin(a.get(i), launch.origin())));
            set.add(a.get(++i));
          }
        }
        case "--erl" -> {
          if (i + 1 < a.size()) {
            TextValue opts = a.get(++i);
            erl.addAll(ErlexecWords.ofVariable(opts));
          }
        }
        case "--hidden" -> erl.add(TextValue.of("-hidden", wordOrigin(a.get(i), launch.origin())));
        case "--boot", "--erl-config", "--logger-otp-reports", "--logger-sasl-reports", "-e", "-r", "-pr", "-pa", "-pz",
            "--app", "--eval", "--remsh", "--dot-iex" -> i++;
        case "--boot-var", "--pipe-to", "--rpc-eval" -> i += 2;
        case "+iex", "+elixirc", "-v", "--no-halt", "--werl", "--no-pry" -> { }
        default -> i = a.size();
      }
    }
    List<TextValue> words = new ArrayList<>(erl);
    words.addAll(expandArgsFiles(set, 0));
    cmd.addAll(ErlFlag.parse(words, i -> wordOrigin(words.get(i), launch.origin())));
    return fromFlags(ReleaseKind.ELIXIR_CLI, launch, flags(cmd, launch.vars()));
  }

  private ReleaseNaming fromFlags(ReleaseKind kind, Launch launch, EffectiveFlags eff) {
    Distribution distribution = eff.node().map(n -> n.mode() == NameMode.LONG ? Distribution.LONG : Distribution.SHORT)
        .orElse(Distribution.NONE);
    return result(kind, launch, distribution, eff.node().map(EffectiveFlags.NodeName::name),
        eff.node().map(EffectiveFlags.NodeName::origin), eff, null);
  }

  // ---- flags ----

  /** The flags of the whole command line: ERL_AFLAGS, {@code commandLine}, ERL_FLAGS, ERL_ZFLAGS of {@code vars}. */
  private EffectiveFlags flags(List<ErlFlag> commandLine, ShellVars vars) {
    if (vars == null) {
      return FlagPrecedence.resolve(commandLine);
    }
    return FlagPrecedence.resolve(FlagPrecedence.erlexecOrder(flagsOfVariable(vars, "ERL_AFLAGS", false), commandLine,
        flagsOfVariable(vars, "ERL_FLAGS", false), flagsOfVariable(vars, "ERL_ZFLAGS", false)));
  }

  private List<ErlFlag> flagsOfVariable(ShellVars v, String name, boolean shellSplit) {
    Binding b = openVar(v, name);
    if (b == null || !b.exported()) {
      return List.of();
    }
    List<TextValue> words = shellSplit ? blankSplit(b.value()) : ErlexecWords.ofVariable(b.value());
    return ErlFlag.parse(words, i -> Origin.env(name));
  }

  /** Splits on blanks only, as a shell does with an unquoted {@code $ELIXIR_ERL_OPTIONS}. */
  private static List<TextValue> blankSplit(TextValue value) {
    List<TextValue> out = new ArrayList<>();
    TextValue cur = null;
    for (TextValue.Part p : value.parts()) {
      if (p instanceof Hole h) {
        cur = cur == null ? new TextValue(List.of(h)) : cur.concat(new TextValue(List.of(h)));
        continue;
      }
      Literal l = (Literal) p;
      StringBuilder run = new StringBuilder();
      for (char c : (l.text() + "\0").toCharArray()) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\0') {
          if (run.length() > 0) {
            TextValue t = TextValue.of(run.toString(), l.origin());
            cur = cur == null ? t : cur.concat(t);
            run.setLength(0);
          }
          if (c != '\0' && cur != null) {
            out.add(cur);
            cur = null;
          }
        } else {
          run.append(c);
        }
      }
    }
    if (cur != null) {
      out.add(cur);
    }
    return out;
  }

  private List<ErlFlag> flagsOfFile(TextValue text) {
    List<TextValue> words = expandArgsFiles(ErlexecWords.ofArgsFile(text), 0);
    return ErlFlag.parse(words, i -> wordOrigin(words.get(i), Origin.defaulted("vm.args")));
  }

  /** Replaces each {@code -args_file F} by the words of F, as erlexec does. */
  private List<TextValue> expandArgsFiles(List<TextValue> words, int depth) {
    List<TextValue> out = new ArrayList<>();
    for (int i = 0; i < words.size(); i++) {
      if (!words.get(i).known().orElse("").equals("-args_file") || i + 1 >= words.size()) {
        out.add(words.get(i));
        continue;
      }
      TextValue file = words.get(++i);
      Optional<String> text = file.known().map(in.files()::get);
      if (text.isPresent() && depth < MAX_ARGS_FILES) {
        out.addAll(expandArgsFiles(ErlexecWords.ofArgsFile(fileText(text.get(), file.known().get())), depth + 1));
      } else {
        unknowns.add(new Gap("the flags in " + file.template(), "-args_file names a file that is not among the inputs; "
            + "it may name the node or set its cookie", settle, wordOrigin(words.get(i - 1), Origin.defaulted("vm.args"))));
      }
    }
    return out;
  }

  // ---- helpers ----

  /** The variable, or null; a variable images rarely set that no input sets is taken as unset, with the assumption listed. */
  private Binding openVar(ShellVars v, String name) {
    Binding b = v.get(name);
    if (b != null && b.mayBeUnset() && !v.changed().contains(name)
        && v.base().lookup(name).state() == Environment.State.UNKNOWN && RARELY_SET_BY_IMAGES.contains(name)) {
      if (assumed.add(name)) {
        assumption(name, "not set by any input; assumed the image does not set it either", Origin.env(name));
      }
      return null;
    }
    return b;
  }

  private void assumption(String what, String why, Origin origin) {
    assumptions.add(new Gap(what, why, settle, origin));
  }

  /** {@code ${NAME:-fallback}}: the value when set and not empty, else the fallback; a hole when that is not known. */
  private static TextValue colonDash(ShellVars v, String name, TextValue fallback, Origin script) {
    Binding b = v.get(name);
    if (b == null) {
      return fallback;
    }
    Tri use = b.mayBeUnset() ? Tri.UNKNOWN : ShellEvaluator.nonEmpty(b.value());
    if (use == Tri.TRUE) {
      return b.value();
    }
    if (use == Tri.FALSE) {
      return fallback;
    }
    String why = b.value().holes().isEmpty() ? name + " may be empty" : b.value().holes().get(0).reason();
    return TextValue.hole("${" + name + ":-" + fallback.template() + "}", HoleKind.UNKNOWN,
        why + "; when it is unset or empty the release script uses '" + fallback.template() + "'",
        b.value().origins().isEmpty() ? script : b.value().origins().get(0));
  }

  private static Origin wordOrigin(TextValue word, Origin fallback) {
    return word.parts().stream().map(TextValue.Part::origin)
        .filter(o -> o.kind() == Origin.Kind.FILE || o.kind() == Origin.Kind.ARG).findFirst().orElse(fallback);
  }

  /** A file's text with each line's origin. */
  private static TextValue fileText(String text, String file) {
    TextValue out = TextValue.empty();
    String[] lines = text.split("(?<=\n)");
    for (int i = 0; i < lines.length; i++) {
      out = out.concat(TextValue.of(lines[i], Origin.file(file, i + 1)));
    }
    return out;
  }

  /** The lines of a rendered file, line breaks removed. */
  private static List<TextValue> lines(TextValue text) {
    List<TextValue> out = new ArrayList<>();
    TextValue cur = TextValue.empty();
    for (TextValue.Part p : text.parts()) {
      if (p instanceof Literal l && l.text().contains("\n")) {
        String[] pieces = l.text().split("\n", -1);
        for (int i = 0; i < pieces.length; i++) {
          cur = cur.concat(TextValue.of(pieces[i], l.origin()));
          if (i < pieces.length - 1) {
            out.add(cur);
            cur = TextValue.empty();
          }
        }
      } else {
        cur = cur.concat(new TextValue(List.of(p)));
      }
    }
    out.add(cur);
    return out;
  }

  private ReleaseNaming result(ReleaseKind kind, Launch launch, Distribution distribution, Optional<TextValue> name,
      Optional<Origin> nameOrigin, EffectiveFlags eff, CookieValue scriptCookie) {
    warnings.addAll(eff.warnings());
    Optional<TextValue> full = name.map(n -> withHost(n, distribution));
    full.ifPresent(n -> {
      for (Hole h : n.holes()) {
        if (h.kind() == HoleKind.UNKNOWN) {
          unknowns.add(new Gap("the node name", h.name() + ": " + h.reason(), settle, h.origin()));
        }
      }
    });
    return new ReleaseNaming(kind, launch.program(), launch.why(), distribution, name, full, nameOrigin,
        cookieSource(eff, scriptCookie, launch), eff, unknowns, assumptions, problems, warnings, notes);
  }

  /** The name with the host the VM appends when it has none. */
  private TextValue withHost(TextValue name, Distribution distribution) {
    boolean hasAt = name.parts().stream().anyMatch(p -> p instanceof Literal l && l.text().contains("@"));
    if (hasAt || distribution != Distribution.LONG && distribution != Distribution.SHORT) {
      return name;
    }
    if (name.hasUnknown()) {
      unknowns.add(new Gap("the host part of the node name", "the name " + name.template()
          + " may or may not hold '@host'; without one the VM appends this machine's host name", settle,
          name.origins().isEmpty() ? Origin.defaulted("the node name") : name.origins().get(0)));
      return name;
    }
    HostNames h = in.hosts();
    TextValue host;
    if (distribution == Distribution.LONG) {
      host = h.fqdn() == null ? TextValue.hole("$(hostname -f)", HoleKind.RUNTIME, "the pod's fully qualified host name, "
          + "which the VM appends to a long name without '@'", Origin.host("hostname -f")) : TextValue.of(h.fqdn(), Origin.host("hostname -f"));
    } else {
      host = h.shortName() == null ? TextValue.hole("$(hostname -s)", HoleKind.RUNTIME, "the pod's short host name, "
          + "which the VM appends to a short name without '@'", Origin.host("hostname -s"))
          : TextValue.of(h.shortName().split("\\.", 2)[0], Origin.host("hostname -s"));
    }
    return name.concat(TextValue.of("@", Origin.defaulted("the VM (a name without '@')"))).concat(host);
  }

  private CookieSource cookieSource(EffectiveFlags eff, CookieValue scriptCookie, Launch launch) {
    EffectiveFlags.Cookie c = eff.cookie();
    if (c.rule() == EffectiveFlags.CookieRule.FLAG) {
      CookieValue used = c.used().get();
      if (used == scriptCookie) {
        Binding b = releaseCookie;
        Tri set = b == null ? Tri.FALSE : b.mayBeUnset() ? Tri.UNKNOWN : ShellEvaluator.nonEmpty(b.value());
        if (set == Tri.FALSE) {
          return new CookieSource(CookieSource.Kind.RELEASE_FILE, Optional.of(used.origin()), List.of(), Optional.empty(),
              "the releases/COOKIE file mix release wrote into the release (RELEASE_COOKIE is not set"
                  + (b == null ? ")" : " or is empty)"));
        }
        if (set == Tri.UNKNOWN) {
          return new CookieSource(CookieSource.Kind.UNKNOWN, Optional.of(used.origin()), List.of("RELEASE_COOKIE"), Optional.empty(),
              "RELEASE_COOKIE (" + used.origin() + ") if it is set and not empty, else the releases/COOKIE file of the release;"
                  + " the inputs do not say which");
        }
        return new CookieSource(CookieSource.Kind.ENV_VAR, Optional.of(used.origin()), List.of("RELEASE_COOKIE"), used.sha256(),
            "RELEASE_COOKIE, set at " + used.origin());
      }
      Origin o = used.origin();
      CookieSource.Kind kind = o.kind() == Origin.Kind.ENV ? CookieSource.Kind.FLAGS_VARIABLE
          : o.kind() == Origin.Kind.ARG ? CookieSource.Kind.COMMAND_LINE
          : in.vmArgs().map(v -> v.name().equals(o.where())).orElse(false) || o.where().contains("vm.args")
              ? CookieSource.Kind.VM_ARGS : CookieSource.Kind.COMMAND_LINE;
      if (!used.literal() && kind == CookieSource.Kind.VM_ARGS) {
        return new CookieSource(CookieSource.Kind.ENV_VAR, Optional.of(o), used.variables(), used.sha256(),
            "-setcookie at " + o + ", from " + String.join(", ", used.variables()));
      }
      return new CookieSource(kind, Optional.of(o), used.variables(), used.sha256(), used.toString());
    }
    String conflict = c.rule() == EffectiveFlags.CookieRule.HOME_FILE_AFTER_CONFLICT
        ? " (-setcookie is given " + c.given().size() + " times, so the VM uses none of them)" : "";
    if (!cookieWrites.isEmpty()) {
      ShellRun.CookieWrite w = cookieWrites.get(cookieWrites.size() - 1);
      return new CookieSource(CookieSource.Kind.HOME_FILE_WRITTEN, Optional.of(Origin.file(w.file(), w.line())), w.fromVariables(),
          Optional.empty(), "~/.erlang.cookie, written at " + w.file() + ":" + w.line()
              + (w.fromVariables().isEmpty() ? "" : " from " + String.join(", ", w.fromVariables())) + conflict);
    }
    return new CookieSource(CookieSource.Kind.HOME_FILE, Optional.empty(), List.of(), Optional.empty(),
        "~/.erlang.cookie as the image has it (the VM writes a random one when it is missing)" + conflict);
  }

}
