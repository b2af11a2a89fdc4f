package dev.clusterctl.gather;

import dev.clusterctl.coredns.Corefile;
import dev.clusterctl.erlang.SysConfig;
import dev.clusterctl.erlang.VmArgs;
import dev.clusterctl.error.BadInputException;
import dev.clusterctl.kube.Kustomize;
import dev.clusterctl.kube.LoadedObject;
import dev.clusterctl.kube.ManifestLoader;
import dev.clusterctl.kube.Manifests;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import dev.clusterctl.release.ReleaseFiles;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The file-based source: reads manifests ({@code -f}, {@code -k}), the Corefile and the release
 * files. When {@code --sys-config}/{@code --vm-args} are not given, a {@code -f} directory that
 * holds exactly one {@code sys.config} (or {@code sys.config.src}) and one {@code vm.args} (or
 * {@code vm.args.src}) supplies them, as a release project's {@code config/} does.
 */
public final class FileSource implements Source {

  private final InputStream stdin;
  private final Kustomize kustomize;
  private final FileInputs in;

  /** A source reading {@code in}: {@code -} from {@code stdin}, {@code -k} rendered with {@code kustomize}. */
  public FileSource(InputStream stdin, Kustomize kustomize, FileInputs in) {
    this.stdin = stdin;
    this.kustomize = kustomize;
    this.in = in;
  }

  @Override
  public Gathered gather() {
    if (in.manifests().isEmpty() && in.kustomizations().isEmpty()) {
      throw new BadInputException("no manifests: give -f FILE|DIR|- or -k DIR");
    }
    ManifestLoader loader = new ManifestLoader(stdin);
    List<Manifests> parts = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (String f : in.manifests()) {
      Manifests m = loader.load(f);
      parts.add(m);
      inputs.add((ManifestLoader.STDIN.equals(f) ? "<stdin>" : f) + " (" + objects(m) + ")");
    }
    for (String k : in.kustomizations()) {
      Manifests m = loader.loadText(kustomize.render(k), "kustomize " + k);
      parts.add(m);
      inputs.add("-k " + k + " (" + objects(m) + ")");
    }
    List<LoadedObject> objects = Manifests.concat(parts).objects();
    requireServiceOrWorkload(objects, inputs);

    Optional<Corefile> corefile = in.corefile().map(p -> TextFile.read(p, "--corefile", Corefile::parse));
    in.corefile().ifPresent(p -> inputs.add("--corefile " + p));
    List<String> releaseDirs = in.releaseDir().map(List::of).orElse(in.manifests());
    Optional<String> sysPath = in.sysConfig().or(() -> findInDirs(releaseDirs, "sys.config", "sys.config.src"));
    Optional<String> vmPath = in.vmArgs().or(() -> findInDirs(releaseDirs, "vm.args", "vm.args.src"));
    String found = in.releaseDir().isPresent() ? " (in --release-dir)" : " (found beside the manifests)";
    Optional<SysConfig> sys = sysPath.map(p -> TextFile.read(p, "--sys-config", SysConfig::parse));
    Optional<VmArgs> vm = vmPath.map(p -> TextFile.read(p, "--vm-args", VmArgs::parse));
    sysPath.ifPresent(p -> inputs.add("sys.config " + p + (in.sysConfig().isEmpty() ? found : "")));
    vmPath.ifPresent(p -> inputs.add("vm.args " + p + (in.vmArgs().isEmpty() ? found : "")));
    List<Path> dirs = in.manifests().stream().filter(m -> !ManifestLoader.STDIN.equals(m)).map(Path::of).filter(Files::isDirectory).toList();
    ReleaseFiles release = ReleaseFinder.find(in.releaseEnv(), vmPath, in.releaseDir(), dirs, inputs);
    return Gathered.fromFiles(objects, corefile, sys, vm, release, inputs);
  }

  /**
   * Refuses inputs with no Service, Deployment or StatefulSet: there is nothing to diagnose, and a
   * run over, say, the wrong overlay must not pass.
   */
  private static void requireServiceOrWorkload(List<LoadedObject> objects, List<String> inputs) {
    boolean any = objects.stream().map(LoadedObject::object).anyMatch(o -> o instanceof Service || o instanceof Deployment || o instanceof StatefulSet);
    if (!any) {
      Map<String, Long> kinds = objects.stream().collect(Collectors.groupingBy(o -> o.object().getKind(), TreeMap::new, Collectors.counting()));
      String found = kinds.isEmpty() ? "no objects" : kinds.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
      throw new BadInputException("no Service, Deployment or StatefulSet among the inputs (" + found + "): read " + String.join(", ", inputs));
    }
  }

  private static String objects(Manifests m) {
    int n = m.objects().size();
    return n + (n == 1 ? " object" : " objects");
  }

  /** The one file with one of {@code names} under the {@code -f} directories, if exactly one exists. */
  private static Optional<String> findInDirs(List<String> manifests, String... names) {
    List<Path> found = new ArrayList<>();
    for (String m : manifests) {
      Path dir = Path.of(m);
      if (ManifestLoader.STDIN.equals(m) || !Files.isDirectory(dir)) {
        continue;
      }
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.filter(Files::isRegularFile).filter(f -> List.of(names).contains(f.getFileName().toString())).forEach(found::add);
      } catch (IOException | UncheckedIOException e) {
        throw new BadInputException(m + ": directory cannot be read: " + e.getMessage(), e);
      }
    }
    return found.size() == 1 ? Optional.of(found.get(0).toString()) : Optional.empty();
  }
}
