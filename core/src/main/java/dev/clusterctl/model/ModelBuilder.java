package dev.clusterctl.model;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.dns.DomainNames;
import dev.clusterctl.error.BadInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the {@link ClusterModel} from a {@link ModelRequest}: the objects ({@link Inventory}), the
 * Corefile ({@link CorednsReader}), the discovery setting ({@link DiscoveryReader}), the Service
 * and workload ({@link TargetPicker}) and the release's own settings ({@link ReleaseReader}).
 */
public final class ModelBuilder {

  /** The namespace of objects that have none, when {@code -n} is not given. */
  public static final String DEFAULT_NAMESPACE = "default";

  private ModelBuilder() {}

  /** Builds the model; an ambiguous or impossible choice is a {@link BadInputException}. */
  public static ClusterModel build(ModelRequest request) {
    Notes notes = new Notes();
    String defaultNs = request.namespace().orElse(DEFAULT_NAMESPACE);
    Inventory inventory = Inventory.of(request.objects(), defaultNs, notes);
    ElixirSettingsReader.Applied elixir = ElixirSettingsReader.apply(request, inventory, notes);
    ModelRequest r = elixir.request();
    Corefile corefile = CorednsReader.corefile(r, notes);
    notes.noteAll(corefile.fileImportNotes());
    r.sysConfig().ifPresent(sc -> notes.noteAll(sc.warnings()));
    r.vmArgs().ifPresent(v -> notes.noteAll(v.warnings()));
    String clusterDomain = r.clusterDomain().or(corefile::clusterDomain).map(DomainNames::withoutTrailingDot).orElse("cluster.local");
    CorednsSettings coredns = CorednsReader.settings(corefile, clusterDomain);
    DiscoveryReader discovery = DiscoveryReader.of(r, elixir.origin().orElse("--strategy"), notes);
    TargetPicker.Picked t = TargetPicker.pick(r, discovery, inventory, defaultNs, notes);
    List<Member> members = new ArrayList<>();
    for (WorkloadInfo w : t.workloads()) {
      members.add(new Member(w, release(r, discovery, elixir, t, clusterDomain, w.template().release(), notes)));
    }
    ReleaseInfo first = members.isEmpty() ? release(r, discovery, elixir, t, clusterDomain, null, notes) : members.get(0).release();
    return new ClusterModel(t.namespace(), t.service(), t.serviceWanted(), inventory.services(), members, coredns, clusterDomain, first, notes.assumptions(), notes.notes());
  }

  /** The settings of the release run by {@code container} ({@code null}: no workload, only the release files). */
  private static ReleaseInfo release(ModelRequest r, DiscoveryReader discovery, ElixirSettingsReader.Applied elixir, TargetPicker.Picked t, String clusterDomain,
      ContainerInfo container, Notes notes) {
    Optional<Discovery> d = discovery.discovery(t.serviceWanted(), t.namespace(), clusterDomain, container)
        .or(() -> discovery.strategy().isEmpty() ? elixir.unjudged().map(Discovery.class::cast) : Optional.empty());
    return ReleaseReader.read(r, discovery.strategy(), d, elixir.origin().isPresent() ? elixir.setting() : Optional.empty(), container, notes);
  }
}
