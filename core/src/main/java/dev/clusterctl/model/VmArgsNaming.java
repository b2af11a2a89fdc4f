package dev.clusterctl.model;

import dev.clusterctl.erlang.NameMode;
import dev.clusterctl.erlang.VmArgs;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Node naming from vm.args ({@code -name}/{@code -sname}, rendered with {@code ${VAR}} as relx does). */
public final class VmArgsNaming implements NodeNaming {

  private final VmArgs vmArgs;
  private final NameMode mode;
  private final List<String> problems;

  /** Naming from {@code vmArgs}, which must have {@code -name} or {@code -sname}. */
  public VmArgsNaming(VmArgs vmArgs) {
    this(vmArgs, List.of());
  }

  /** Naming from {@code vmArgs} for a release whose start scripts stop for {@code problems}. */
  public VmArgsNaming(VmArgs vmArgs, List<String> problems) {
    this.vmArgs = vmArgs;
    this.mode = vmArgs.nameMode().orElseThrow(() -> new IllegalArgumentException("vm.args has no -name or -sname"));
    this.problems = List.copyOf(problems);
  }

  @Override
  public List<String> problems() {
    return problems;
  }

  @Override
  public Optional<NameMode> mode() {
    return Optional.of(mode);
  }

  @Override
  public String describe() {
    return mode.flag() + " " + vmArgs.nodeNameTemplate().orElse("");
  }

  @Override
  public String origin() {
    return vmArgs.source() + vmArgs.line(mode.flag()).stream().mapToObj(l -> ":" + l).findFirst().orElse("");
  }

  @Override
  public Optional<NamingSite> site() {
    return Optional.of(new NamingSite(NamingSite.Kind.VM_ARGS, vmArgs.source(), vmArgs.line(mode.flag()).orElse(0)));
  }

  @Override
  public RenderedName render(Map<String, String> env, PodHost host) {
    VmArgs.Rendered r = vmArgs.render(env);
    return new RenderedName(NodeNaming.withHost(r.nodeName(), mode, host), r.unresolvedVars());
  }
}
