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
  public static ClusterModel build(ModelRequest r) {
    List<String> notes = new ArrayList<>();
    String defaultNs = r.namespace().orElse(DEFAULT_NAMESPACE);
    Inventory inventory = Inventory.of(r.objects(), defaultNs, notes);
    Corefile corefile = CorednsReader.corefile(r, notes);
    notes.addAll(corefile.fileImportNotes());
    r.sysConfig().ifPresent(sc -> notes.addAll(sc.warnings()));
    r.vmArgs().ifPresent(v -> notes.addAll(v.warnings()));
    String clusterDomain = r.clusterDomain().or(corefile::clusterDomain).map(DomainNames::withoutTrailingDot).orElse("cluster.local");
    CorednsSettings coredns = CorednsReader.settings(corefile, clusterDomain);
    DiscoveryReader discovery = DiscoveryReader.of(r, notes);
    TargetPicker.Picked t = TargetPicker.pick(r, discovery, inventory, defaultNs, notes);
    ContainerInfo release = t.workload().map(w -> w.template().release()).orElse(null);
    Optional<Discovery> d = discovery.discovery(t.serviceWanted(), t.namespace(), clusterDomain, release);
    ReleaseInfo info = ReleaseReader.read(r, discovery.strategy(), d, release);
    return new ClusterModel(t.namespace(), t.service(), t.serviceWanted(), inventory.services(), t.workload(), coredns, clusterDomain, info, notes);
  }
}
