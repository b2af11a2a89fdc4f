package dev.clusterctl.kube;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads manifests the way {@code kubectl -f} takes them: files, directories (recursively,
 * {@code *.yaml}, {@code *.yml}, {@code *.json}) and {@code -} for standard input.
 */
public final class ManifestLoader {

  /** The argument that means standard input. */
  public static final String STDIN = "-";

  private final ManifestReader reader = new ManifestReader();
  private final InputStream stdin;
  private boolean stdinRead;

  /** A loader that reads {@code -} from {@code stdin}. */
  public ManifestLoader(InputStream stdin) {
    this.stdin = stdin;
  }

  /** Reads every argument, in order; any unusable input is a {@link BadInputException}. */
  public Manifests load(List<String> arguments) {
    List<Manifests> parts = new ArrayList<>();
    for (String arg : arguments) {
      parts.add(load(arg));
    }
    return Manifests.concat(parts);
  }

  /** Reads one argument: a file, a directory or {@code -} (once: standard input cannot be read twice). */
  public Manifests load(String argument) {
    if (STDIN.equals(argument)) {
      if (stdinRead) {
        throw new BadInputException("'-' (stdin) given twice: standard input can be read only once");
      }
      stdinRead = true;
      return new Manifests(reader.read(readAll(stdin), "<stdin>"), List.of("<stdin>"));
    }
    Path path = Path.of(argument);
    if (Files.isDirectory(path)) {
      return loadDirectory(path);
    }
    if (!Files.exists(path)) {
      throw new BadInputException(argument + ": no such file or directory");
    }
    return new Manifests(reader.read(readFile(path), argument), List.of(argument));
  }

  /** Reads manifests that were produced in memory, such as {@code kubectl kustomize} output. */
  public Manifests loadText(byte[] bytes, String source) {
    return new Manifests(reader.read(bytes, source), List.of(source));
  }

  private Manifests loadDirectory(Path dir) {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).filter(ManifestLoader::isManifestFile).sorted().toList();
    } catch (IOException | UncheckedIOException e) {
      throw new BadInputException(dir + ": directory cannot be read: " + e.getMessage(), e);
    }
    if (files.isEmpty()) {
      throw new BadInputException(dir + ": directory has no manifests (*.yaml, *.yml or *.json files)");
    }
    List<LoadedObject> objects = new ArrayList<>();
    List<String> inputs = new ArrayList<>();
    for (Path f : files) {
      objects.addAll(reader.read(readFile(f), f.toString()));
      inputs.add(f.toString());
    }
    return new Manifests(objects, inputs);
  }

  /** Manifest files by extension; a kustomization file is not itself a manifest (use {@code -k}). */
  private static boolean isManifestFile(Path p) {
    String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.equals("kustomization.yaml") || name.equals("kustomization.yml")) {
      return false;
    }
    return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
  }

  private static byte[] readFile(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (NoSuchFileException e) {
      throw new BadInputException(p + ": no such file or directory", e);
    } catch (IOException e) {
      throw new BadInputException(p + ": cannot be read: " + e.getMessage(), e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadInputException("<stdin>: cannot be read: " + e.getMessage(), e);
    }
  }
}
