package dev.clusterctl.gather;

import dev.clusterctl.error.BadInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BiFunction;

/** Reads one release or CoreDNS file named on the command line (or found), refusing what is not text. */
public final class TextFile {

  private TextFile() {}

  /** The text of a file found by searching (not named by the user): empty when it is not a non-empty text file. */
  public static Optional<String> readIfText(Path p) {
    try {
      byte[] bytes = Files.readAllBytes(p);
      for (byte b : bytes) {
        if (b == 0) {
          return Optional.empty();
        }
      }
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.isBlank() ? Optional.empty() : Optional.of(text);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads {@code path} and parses it with {@code parser(text, path)}; a missing, unreadable, binary
   * or empty file is a {@link BadInputException} naming {@code option} and the path.
   */
  public static <T> T read(String path, String option, BiFunction<String, String, T> parser) {
    Path p = Path.of(path);
    if (!Files.isRegularFile(p)) {
      throw new BadInputException(option + " " + path + ": no such file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(p);
    } catch (IOException e) {
      throw new BadInputException(option + " " + path + ": cannot be read: " + e.getMessage(), e);
    }
    for (byte b : bytes) {
      if (b == 0) {
        throw new BadInputException(option + " " + path + ": binary file, not text");
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (text.isBlank()) {
      throw new BadInputException(option + " " + path + ": empty file");
    }
    return parser.apply(text, path);
  }
}
