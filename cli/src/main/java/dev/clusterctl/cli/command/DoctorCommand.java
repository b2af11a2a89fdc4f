package dev.clusterctl.cli.command;

import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.cli.option.GlobalOptions;
import dev.clusterctl.cli.option.StrategyConverter;
import dev.clusterctl.cli.render.doctor.CheckListing;
import dev.clusterctl.cli.render.doctor.DoctorJson;
import dev.clusterctl.cli.render.doctor.DoctorJunit;
import dev.clusterctl.cli.render.doctor.DoctorSarif;
import dev.clusterctl.cli.render.doctor.DoctorText;
import dev.clusterctl.cli.render.doctor.Verdict;
import dev.clusterctl.cli.terminal.ProgressLine;
import dev.clusterctl.cli.terminal.WaitDisplay;
import dev.clusterctl.discovery.Strategy;
import dev.clusterctl.dns.ResolvConf;
import dev.clusterctl.dns.Servers;
import dev.clusterctl.doctor.Doctor;
import dev.clusterctl.doctor.DoctorOptions;
import dev.clusterctl.doctor.FixWriter;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.gather.ApiInputs;
import dev.clusterctl.gather.ApiSource;
import dev.clusterctl.gather.DnsWhere;
import dev.clusterctl.gather.FileInputs;
import dev.clusterctl.gather.FileSource;
import dev.clusterctl.gather.KubeTarget;
import dev.clusterctl.gather.LocalPod;
import dev.clusterctl.gather.LocalSource;
import dev.clusterctl.gather.Source;
import dev.clusterctl.judge.Check;
import dev.clusterctl.judge.CheckRegistry;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.model.TargetOptions;
import dev.clusterctl.report.FixPlan;
import dev.clusterctl.report.Report;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code clusterctl doctor}: will these manifests and this release form a cluster, and if not, why. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Says whether the Erlang/Elixir nodes will form a cluster, and if not, why.",
      "",
      "With -f/-k it reads manifests and needs no cluster: it simulates what CoreDNS answers and what each pod calls itself, "
          + "and compares the two node names exactly as Erlang does. Without -f/-k it reads the running cluster through the "
          + "Kubernetes API (kubectl's --kubeconfig, --context, -n) and also compares the real DNS answers, endpoints and pods. "
          + "With --local it judges the pod it runs in. Checks: --list-checks; reference: docs/checks.md."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  clusterctl doctor -f docs/examples/srv-deployment/",
      "  kustomize build overlays/srv | clusterctl doctor -f - \\",
      "      --sys-config config/sys.config --vm-args config/vm.args.src",
      "  clusterctl doctor -k overlays/srv -o junit --fail-on warn > doctor.xml",
      "  clusterctl doctor -n payments --dns-port-forward --exec \\",
      "      --sys-config config/sys.config --vm-args config/vm.args.src",
      "  kubectl exec -n payments ledger-0 -- clusterctl doctor --local"
    })
public final class DoctorCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    text,
    json,
    junit,
    sarif
  }

  /** What makes the exit code 1. */
  enum FailOn {
    fail,
    warn
  }

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin GlobalOptions global;

  @Option(names = {"-f", "--filename"}, paramLabel = "PATH", description = "Manifest file, directory (recursive: *.yaml, *.yml, *.json) or - for stdin. Repeatable.")
  List<String> files = new ArrayList<>();

  @Option(names = {"-k", "--kustomize"}, paramLabel = "DIR", description = "Kustomization directory, rendered with 'kubectl kustomize'. Repeatable.")
  List<String> kustomize = new ArrayList<>();

  @Option(names = "--corefile", paramLabel = "FILE", description = "CoreDNS Corefile (default: a coredns ConfigMap among the inputs, else kubeadm's default).")
  String corefile;

  @Option(names = "--sys-config", paramLabel = "FILE", description = "The release's sys.config (gen_cluster's discovery). Default: the one sys.config in a -f directory.")
  String sysConfig;

  @Option(names = "--vm-args", paramLabel = "FILE", description = "The release's vm.args (-name/-sname, -setcookie). Default: the one vm.args(.src) in a -f directory.")
  String vmArgs;

  @Option(names = "--release-env", paramLabel = "FILE",
      description = "The release's env.sh (or the project's rel/env.sh.eex): RELEASE_DISTRIBUTION, RELEASE_NODE, RELEASE_COOKIE. Default: the one found in --release-dir or a -f directory.")
  String releaseEnv;

  @Option(names = "--strategy", paramLabel = "STRATEGY",
      converter = StrategyConverter.class,
      completionCandidates = StrategyConverter.Ids.class,
      description = "Discovery library: ${COMPLETION-CANDIDATES} (default: gen-cluster with --sys-config).")
  Strategy strategy;

  @Option(names = "--basename", paramLabel = "NAME", description = "The basename the discovery library puts before '@' (libcluster's application_name).")
  String basename;

  @Option(names = "--domain", paramLabel = "NAME", description = "The name the discovery library queries (overrides sys.config's domain).")
  String domain;

  @Option(names = "--service", paramLabel = "NAME", description = "The headless Service peers are found through (default: from the discovery domain).")
  String service;

  @Option(names = "--workload", paramLabel = "KIND/NAME", description = "The workload: deploy/NAME or sts/NAME (default: the one the Service selects).")
  String workload;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace of objects that have none (default: default).")
  String namespace;

  @Option(names = "--cluster-domain", paramLabel = "DOMAIN", description = "The kubelet's cluster domain (default: the Corefile's, else cluster.local).")
  String clusterDomain;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Without -f/-k: the kubeconfig (default: KUBECONFIG, ~/.kube/config, or the pod's service account).")
  String kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Without -f/-k: the kubeconfig context (default: the current one).")
  String context;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10s", converter = dev.clusterctl.cli.option.DurationConverter.Positive.class,
      description = "Without -f/-k: how long each Kubernetes API call may take, its whole answer included; each exec in a pod too (default: ${DEFAULT-VALUE}).")
  java.time.Duration timeout = java.time.Duration.ofSeconds(10);

  @Option(names = "--exec", description = "Against the API: run 'hostname --fqdn' in each pod (default: computed from the pod spec).")
  boolean exec;

  @Option(names = "--exec-concurrency", paramLabel = "N", defaultValue = "8", description = "How many execs run at once (default: ${DEFAULT-VALUE}).")
  int execConcurrency = 8;

  @Option(names = "--nameserver", paramLabel = "HOST[:PORT]", description = "Ask the discovery query of this DNS server (repeatable), with a pod's search list.")
  List<String> nameservers = new ArrayList<>();

  @Option(names = "--dns-port-forward", description = "Against the API: port-forward to a CoreDNS pod and ask it over TCP.")
  boolean dnsPortForward;

  @Option(names = "--local", description = "Inside a pod: read this pod (hostname, /etc/hosts, resolv.conf, environment, the release's files) and ask its resolver.")
  boolean local;

  @Option(names = "--release-dir", paramLabel = "DIR",
      description = "A built release or the project's source tree: vm.args, sys.config, rel/env.sh.eex, config/*.exs and lib/**/application.ex are read from it. "
          + "With --local the default is $RELEASE_ROOT, else /app, /opt/app, /srv/app.")
  String releaseDir;

  @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format output = Format.text;

  @Option(names = "--list-checks", description = "List the checks and exit.")
  boolean listChecks;

  @Option(names = "--only", split = ",", paramLabel = "ID", description = "Run only these checks.")
  List<String> only = new ArrayList<>();

  @Option(names = "--skip", split = ",", paramLabel = "ID", description = "Do not run these checks.")
  List<String> skip = new ArrayList<>();

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "fail", description = "Exit 1 on: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  FailOn failOn = FailOn.fail;

  @Option(names = "--fix", paramLabel = "DIR",
      description = "Write the verified fix to DIR: kustomization.yaml with patches over the inputs (kubectl apply -k DIR), the changed release files, "
          + "and rendered/, the whole fixed set-up (clusterctl doctor -f DIR/rendered passes). DIR must be empty unless --force.")
  String fixDir;

  @Option(names = "--force", description = "With --fix: write into DIR even when it is not empty (files of the same name are replaced).")
  boolean force;

  @Option(names = "--choose", paramLabel = "N",
      description = "With --fix: when the fix is a choice only you can make (the report lists the verified options), write option N.")
  Integer choose;

  @Override
  public Integer call() {
    CheckRegistry registry = CheckRegistry.standard();
    List<Check> checks = registry.select(only, skip);
    PrintWriter out = spec.commandLine().getOut();
    if (listChecks) {
      if (output == Format.json) {
        new DoctorJson().renderChecks(checks, out);
      } else {
        CheckListing.render(checks, out);
      }
      return ExitCode.OK.code();
    }
    TargetOptions options = targetOptions();
    validateSources();
    if (force && fixDir == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--force goes with --fix DIR");
    }
    if (choose != null && fixDir == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--choose goes with --fix DIR");
    }
    if (choose != null && choose < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--choose " + choose + ": options are numbered from 1");
    }
    Doctor.Diagnosis diagnosis;
    // a long wait for the API server or a DNS server shows on stderr while it lasts (a terminal,
    // text output, no --quiet), erased before the report is printed
    try (WaitDisplay progress = ProgressLine.forStderr(spec.commandLine().getErr(), global.quiet(), output != Format.text, System.getenv());
        Source source = openSource(progress)) {
      diagnosis = Doctor.run(source, new DoctorOptions(options, checks));
    }
    Report report = diagnosis.report();
    if (fixDir != null) {
      writeFix(diagnosis);
    }
    boolean failOnWarn = failOn == FailOn.warn;
    Verdict verdict = Verdict.of(report, failOnWarn);
    switch (output) {
      case json -> new DoctorJson().render(report, verdict, out);
      case junit -> new DoctorJunit().render(report, failOnWarn, out);
      case sarif -> new DoctorSarif(BuildInfo.VERSION, java.nio.file.Path.of("").toAbsolutePath()).render(report, checks, out);
      default -> new DoctorText(global.colorOnStdout() ? CommandLine.Help.Ansi.ON : CommandLine.Help.Ansi.OFF, global.verbose()).render(report, verdict, out);
    }
    return verdict.exit().code();
  }

  /** Writes the plan to {@code --fix DIR} (option {@code --choose N} of a choice), saying on stderr what was written, or why nothing was. */
  private void writeFix(Doctor.Diagnosis d) {
    PrintWriter err = spec.commandLine().getErr();
    Optional<FixPlan> plan = d.report().fix();
    boolean choice = plan.map(FixPlan::needsChoice).orElse(false);
    if (choose != null && plan.isPresent() && !d.fixes().isEmpty()) {
      if (!choice) {
        throw new BadInputException("--choose " + choose + ": the fix is one plan, not a choice between options; give --fix DIR alone");
      }
      if (choose > d.fixes().size()) {
        throw new BadInputException("--choose " + choose + ": the fix has " + d.fixes().size() + " options (1 to " + d.fixes().size() + ")");
      }
    }
    if (plan.isEmpty()) {
      err.println("--fix " + fixDir + ": no check fails, nothing to fix; nothing written");
    } else if (d.fixes().isEmpty()) {
      err.println("--fix " + fixDir + ": no change was found after which every check passes; nothing written (the report says which findings have no automatic fix)");
    } else if (choice && choose == null) {
      int n = d.fixes().size();
      err.println("--fix " + fixDir + ": the fix is a choice only you can make (" + plan.get().choice() + "); nothing written: the report lists "
          + (n == 1 ? "1 verified option, give --choose 1 to write it" : n + " verified options, give --choose N to write one"));
    } else {
      int option = choice ? choose : 1;
      List<String> written = new FixWriter().write(java.nio.file.Path.of(fixDir), force, d, option);
      err.println("--fix " + fixDir + ": wrote " + written.size() + " files" + (choice ? " (option " + option + ": " + plan.get().options().get(option - 1).summary() + ")" : "")
          + ": kubectl apply -k " + fixDir + " applies the fix; clusterctl doctor -f " + java.nio.file.Path.of(fixDir, "rendered") + " judges the fixed set-up");
    }
    err.flush();
  }

  /** Where the doctor reads from. */
  enum From {
    FILES,
    API,
    LOCAL
  }

  private From from() {
    if (local) {
      return From.LOCAL;
    }
    return files.isEmpty() && kustomize.isEmpty() ? From.API : From.FILES;
  }

  private Source openSource(WaitDisplay progress) {
    return switch (from()) {
      case FILES -> new FileSource(System.in, new Kustomize(),
          new FileInputs(files, kustomize, Optional.ofNullable(corefile), Optional.ofNullable(sysConfig), Optional.ofNullable(vmArgs),
              Optional.ofNullable(releaseEnv), Optional.ofNullable(releaseDir)));
      case API -> ApiSource.connect(new KubeTarget(Optional.ofNullable(kubeconfig), Optional.ofNullable(context), Optional.ofNullable(namespace)),
          new ApiInputs(Optional.ofNullable(sysConfig), Optional.ofNullable(vmArgs), Optional.ofNullable(releaseEnv), Optional.ofNullable(releaseDir), exec, execConcurrency, dnsWhere(), progress(),
              progress, progress), timeout);
      case LOCAL -> new LocalSource(LocalPod.system(Optional.ofNullable(releaseDir), Optional.ofNullable(sysConfig), Optional.ofNullable(vmArgs)), dnsLocal(), progress);
    };
  }

  private void validateSources() {
    From s = from();
    if (local && (!files.isEmpty() || !kustomize.isEmpty())) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--local reads this pod: it cannot be combined with -f/-k");
    }
    if (s != From.API && (kubeconfig != null || context != null || exec || dnsPortForward)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--kubeconfig, --context, --exec and --dns-port-forward work against the API (without -f/-k/--local)");
    }
    if (s == From.LOCAL && releaseEnv != null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--release-env reads a file for -f/-k or the API; --local reads this pod's own release (give --release-dir)");
    }
    if (s == From.FILES && !nameservers.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nameserver works against a running cluster (without -f/-k)");
    }
    if (dnsPortForward && !nameservers.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "give --nameserver or --dns-port-forward, not both");
    }
    if (execConcurrency < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--exec-concurrency must be at least 1");
    }
  }

  /** Where the API doctor asks DNS: --nameserver, --dns-port-forward, in a pod its resolver, else nowhere. */
  private DnsWhere dnsWhere() {
    if (!nameservers.isEmpty()) {
      return DnsWhere.nameservers(nameservers.stream().map(Servers::parse).toList());
    }
    if (dnsPortForward) {
      return DnsWhere.portForward();
    }
    return System.getenv("KUBERNETES_SERVICE_HOST") != null ? DnsWhere.resolvConf(ResolvConf.SYSTEM) : DnsWhere.none();
  }

  private Optional<List<java.net.InetSocketAddress>> dnsLocal() {
    return nameservers.isEmpty() ? Optional.empty() : Optional.of(nameservers.stream().map(Servers::parse).toList());
  }

  /** The exec progress line, on stderr, only on a terminal and not with --quiet. */
  private BiConsumer<Integer, Integer> progress() {
    PrintWriter err = spec.commandLine().getErr();
    if (System.console() == null || global.quiet()) {
      return (done, total) -> { };
    }
    return (done, total) -> {
      synchronized (err) {
        err.print("\rhostname --fqdn: " + done + "/" + total + " pods\u001b[K" + (done.equals(total) ? "\n" : ""));
        err.flush();
      }
    };
  }

  private TargetOptions targetOptions() {
    return new TargetOptions(Optional.ofNullable(strategy), Optional.ofNullable(basename), Optional.ofNullable(domain), Optional.ofNullable(service),
        Optional.ofNullable(workload), Optional.ofNullable(namespace), Optional.ofNullable(clusterDomain));
  }
}
