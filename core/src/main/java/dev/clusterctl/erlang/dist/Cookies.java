package dev.clusterctl.erlang.dist;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a cookie the way Erlang's {@code auth} module does: from a cookie file (by default
 * {@code ~/.erlang.cookie} when it exists) or from an environment variable such as
 * {@code RELEASE_COOKIE}. Cookies are never taken from the command line, where {@code ps} and
 * shell history would show them; error messages and warnings never contain the value.
 */
public final class Cookies {

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

  private Cookies() {}

  /**
   * The cookie to use: from {@code envName} when given, else from {@code file} when given, else
   * from {@code home/.erlang.cookie} when that file exists; empty when there is none.
   */
  public static Optional<LoadedCookie> load(
      Optional<Path> file, Optional<String> envName, Map<String, String> env, Path home) {
    if (envName.isPresent()) {
      return Optional.of(fromEnv(envName.get(), env));
    }
    if (file.isPresent()) {
      return Optional.of(fromFile(file.get()));
    }
    Path dflt = home.resolve(".erlang.cookie");
    return Files.isRegularFile(dflt) ? Optional.of(fromFile(dflt)) : Optional.empty();
  }

  /** The cookie in environment variable {@code name}; bad input when it is unset or empty. */
  public static LoadedCookie fromEnv(String name, Map<String, String> env) {
    String value = env.get(name);
    if (value == null) {
      throw new BadInputException("cookie environment variable " + name + " is not set");
    }
    if (value.isEmpty()) {
      throw new BadInputException("cookie environment variable " + name + " is empty");
    }
    return new LoadedCookie(Cookie.of(value), "environment variable " + name, List.of());
  }

  /**
   * The cookie in {@code file}: its printable characters up to trailing whitespace, as Erlang's
   * {@code auth} reads it; a warning when group or others may read it (Erlang itself refuses
   * such a file and stops with "must be accessible by owner only").
   */
  public static LoadedCookie fromFile(Path file) {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new BadInputException("cookie file " + file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException("cookie file " + file + ": cannot read it (" + e.getClass().getSimpleName() + ")");
    }
    String text = new String(raw, StandardCharsets.ISO_8859_1);
    int endIndex = text.length();
    while (endIndex > 0 && " \t\r\n".indexOf(text.charAt(endIndex - 1)) >= 0) {
      endIndex--;
    }
    String value = text.substring(0, endIndex);
    if (value.isEmpty()) {
      throw new BadInputException("cookie file " + file + " is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c > '~') {
        throw new BadInputException(
            "cookie file " + file + ": bad character at position " + (i + 1)
                + " (Erlang accepts only printable ASCII in a cookie file)");
      }
    }
    List<String> warnings = new ArrayList<>();
    permissionWarning(file).ifPresent(warnings::add);
    return new LoadedCookie(Cookie.of(value), "file " + file, warnings);
  }

  private static Optional<String> permissionWarning(Path file) {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
      Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
      open.addAll(perms);
      open.retainAll(GROUP_OR_OTHERS);
      if (!open.isEmpty()) {
        return Optional.of(
            "cookie file " + file + " is accessible by group or others ("
                + PosixFilePermissions.toString(perms) + "); Erlang refuses such a file: chmod 400 " + file);
      }
    } catch (UnsupportedOperationException | IOException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }
}
