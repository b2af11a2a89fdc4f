package dev.clusterctl.gather;

import dev.clusterctl.error.BadInputException;
import io.fabric8.kubernetes.api.model.AuthInfo;
import io.fabric8.kubernetes.api.model.Config;
import io.fabric8.kubernetes.api.model.NamedAuthInfo;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One kubeconfig file checked before the client uses it, with kubectl's rules where the client
 * library is lenient: an empty or binary file, a {@code current-context} or {@code --context}
 * naming no context, a user the context names but the file lacks, a {@code tokenFile} that does
 * not exist (the library would go on unauthenticated), and credentials that cannot be used are
 * bad input (exit 2), each one line naming the file and the field, never the value. A token's
 * surrounding white space ({@code token: |} ends it with a line break) is dropped, as client-go
 * does.
 *
 * <p>A {@code KUBECONFIG} listing several files gets the same checks on the merged view
 * ({@link #checkMerged}), each message naming the file that holds the field.
 *
 * <p>It also collects every credential it saw ({@link #secrets()}), so that nothing a library
 * puts into an exception's text can carry one to the user.
 *
 * @param label how messages name the file ({@code --kubeconfig FILE}, {@code KUBECONFIG FILE})
 * @param context the context that will be used
 * @param user the name of the context's user, if it has one
 * @param token the context user's token (from {@code token} or {@code tokenFile}), normalised
 * @param secrets every credential of the file's users, as written and as decoded
 */
public record KubeconfigFile(String label, String context, Optional<String> user, Optional<String> token, List<String> secrets) {

  /**
   * Reads and checks {@code file} for {@code context} (else its {@code current-context}).
   *
   * @throws BadInputException naming the file and the field when the file cannot be used
   */
  public static KubeconfigFile check(Path file, String label, Optional<String> context) {
    Loaded one = load(file, label);
    if (one == null) {
      throw new BadInputException(label + ": kubeconfig is empty");
    }
    return resolve(List.of(one), label, context);
  }

  /**
   * Checks a {@code KUBECONFIG} that lists several files, merged as kubectl merges them: files
   * that do not exist are skipped, as are empty ones; of the others the first to name a cluster,
   * user or context wins, and {@code current-context} comes from the first file that sets it.
   * Every file is read and checked (binary, unreadable, invalid YAML), and the context and user in
   * use are checked as in a single file; each message names the file that holds the field.
   *
   * @throws BadInputException naming the file and the field when the merged kubeconfig cannot be used
   */
  public static KubeconfigFile checkMerged(List<Path> files, Optional<String> context) {
    List<Loaded> loaded = new ArrayList<>();
    for (Path f : files) {
      if (!Files.exists(f)) {
        continue; // kubectl skips a listed file that does not exist
      }
      Loaded l = load(f, "KUBECONFIG " + f);
      if (l != null) {
        loaded.add(l);
      }
    }
    if (loaded.isEmpty()) {
      throw new BadInputException("KUBECONFIG: kubeconfig is empty (none of its " + files.size() + " files exists or has content)");
    }
    return resolve(loaded, "KUBECONFIG", context);
  }

  /** One file of a kubeconfig, parsed. */
  private record Loaded(Path file, String label, Config config) {}

  /** {@code file} parsed, or null when it is empty (blank, or YAML with no document). */
  private static Loaded load(Path file, String label) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new BadInputException(label + ": cannot read it (" + (Files.isDirectory(file) ? "a directory" : "no permission or an I/O error") + ")");
    }
    String text = text(bytes, label);
    if (text.isBlank()) {
      return null;
    }
    Config config;
    try {
      config = KubeConfigUtils.parseConfigFromString(text);
    } catch (RuntimeException | StackOverflowError e) {
      throw new BadInputException(label + ": not a readable kubeconfig (" + yamlProblem(e) + ")");
    }
    return config == null ? null : new Loaded(file, label, config);
  }

  /** The context and user in use, looked up across {@code files} in order (the first that has one wins), and checked. */
  private static KubeconfigFile resolve(List<Loaded> files, String label, Optional<String> context) {
    boolean merged = files.size() > 1;
    List<String> secrets = new ArrayList<>();
    for (Loaded l : files) {
      for (NamedAuthInfo u : list(l.config().getUsers())) {
        if (u != null && u.getUser() != null) {
          AuthInfo a = u.getUser();
          addSecret(secrets, a.getToken());
          addSecret(secrets, a.getPassword());
          addSecret(secrets, a.getClientKeyData());
          decoded(a.getClientKeyData()).ifPresent(k -> addSecret(secrets, new String(k, StandardCharsets.UTF_8)));
        }
      }
    }
    Optional<Loaded> setter = files.stream()
        .filter(l -> l.config().getCurrentContext() != null && !l.config().getCurrentContext().isBlank()).findFirst();
    String name = context.orElse(setter.map(l -> l.config().getCurrentContext()).orElse(null));
    if (name == null || name.isBlank()) {
      throw new BadInputException(label + ": no current-context is set" + (merged ? " in any of its files" : "") + " (give --context)");
    }
    Optional<NamedContext> found = Optional.empty();
    for (Loaded l : files) {
      found = list(l.config().getContexts()).stream().filter(c -> c != null && name.equals(c.getName())).findFirst();
      if (found.isPresent()) {
        break;
      }
    }
    NamedContext named = found.orElseThrow(() -> new BadInputException(context.isPresent()
        ? "--context " + name + ": no such context in the kubeconfig"
        : setter.get().label() + ": current-context '" + name + "' names no context in " + (merged ? "any of the KUBECONFIG files" : "the file")));
    String userName = named.getContext() == null ? null : named.getContext().getUser();
    if (userName == null || userName.isBlank()) {
      return new KubeconfigFile(label, name, Optional.empty(), Optional.empty(), List.copyOf(secrets));
    }
    Loaded holder = null;
    AuthInfo auth = null;
    for (Loaded l : files) {
      Optional<NamedAuthInfo> u = list(l.config().getUsers()).stream().filter(x -> x != null && x.getUser() != null && userName.equals(x.getName())).findFirst();
      if (u.isPresent()) {
        holder = l;
        auth = u.get().getUser();
        break;
      }
    }
    if (holder == null) {
      throw new BadInputException(label + ": context '" + name + "' names user '" + userName + "', which is not in "
          + (merged ? "any of its files" : "the file"));
    }
    // paths in a user are relative to the file that holds the user, as kubectl resolves them
    Path file = holder.file();
    String who = holder.label() + ": user '" + userName + "'";
    Optional<String> token = Optional.empty();
    if (auth.getToken() != null) {
      token = Optional.of(usableToken(auth.getToken(), who + ": token"));
    } else if (auth.getTokenFile() != null && !auth.getTokenFile().isBlank()) {
      Path tf = relativeTo(file, auth.getTokenFile());
      if (!Files.isRegularFile(tf)) {
        throw new BadInputException(who + ": tokenFile " + tf + ": no such file");
      }
      String raw;
      try {
        raw = new String(Files.readAllBytes(tf), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new BadInputException(who + ": tokenFile " + tf + ": cannot read it");
      }
      addSecret(secrets, raw);
      token = Optional.of(usableToken(raw, who + ": tokenFile " + tf));
    }
    token.ifPresent(t -> addSecret(secrets, t));
    if (auth.getClientKeyData() != null) {
      byte[] key = decoded(auth.getClientKeyData())
          .orElseThrow(() -> new BadInputException(who + ": client-key-data is not base64"));
      if (!pem(key, "PRIVATE KEY")) {
        throw new BadInputException(who + ": client-key-data is not a PEM private key");
      }
    }
    if (auth.getClientCertificateData() != null) {
      byte[] cert = decoded(auth.getClientCertificateData())
          .orElseThrow(() -> new BadInputException(who + ": client-certificate-data is not base64"));
      if (!pem(cert, "CERTIFICATE")) {
        throw new BadInputException(who + ": client-certificate-data is not a PEM certificate");
      }
    }
    for (String[] f : new String[][] {{"client-key", auth.getClientKey()}, {"client-certificate", auth.getClientCertificate()}}) {
      if (f[1] != null && !f[1].isBlank() && !Files.isRegularFile(relativeTo(file, f[1]))) {
        throw new BadInputException(who + ": " + f[0] + " " + relativeTo(file, f[1]) + ": no such file");
      }
    }
    return new KubeconfigFile(holder.label(), name, Optional.of(userName), token, List.copyOf(secrets));
  }

  /** The file's text; a file that is not UTF-8 text (or holds NUL bytes) is not a kubeconfig. */
  private static String text(byte[] bytes, String label) {
    try {
      String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
      if (s.indexOf('\0') >= 0) {
        throw new BadInputException(label + ": not a kubeconfig (a binary file)");
      }
      return s;
    } catch (CharacterCodingException e) {
      throw new BadInputException(label + ": not a kubeconfig (a binary file)");
    }
  }

  /**
   * What is wrong with the YAML, in words and with its place, but never the parser's excerpt of
   * the file (which could show a credential).
   */
  private static String yamlProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
      if (m.contains("nesting depth") || m.contains("nested too deep") || t instanceof StackOverflowError) {
        return "YAML nested too deep";
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null && j.getLocation().getLineNr() > 0) {
        return "invalid YAML at line " + j.getLocation().getLineNr() + ", column " + j.getLocation().getColumnNr();
      }
    }
    return "invalid YAML";
  }

  /** {@code raw} without surrounding white space; refused when empty or when a character is left that an HTTP header cannot carry. */
  static String usableToken(String raw, String field) {
    String t = raw.strip();
    if (t.isEmpty()) {
      throw new BadInputException(field + " is empty");
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new BadInputException(field + " is not usable: it has a space, line break or non-ASCII character inside");
      }
    }
    return t;
  }

  private static Optional<byte[]> decoded(String base64) {
    if (base64 == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getMimeDecoder().decode(base64.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean pem(byte[] bytes, String what) {
    String s = new String(bytes, StandardCharsets.US_ASCII);
    return s.contains("-----BEGIN ") && s.contains(what + "-----") && s.contains("-----END ");
  }

  private static Path relativeTo(Path kubeconfig, String path) {
    Path p = Path.of(path);
    Path dir = kubeconfig.toAbsolutePath().getParent();
    return p.isAbsolute() || dir == null ? p : dir.resolve(p);
  }

  private static void addSecret(List<String> secrets, String s) {
    if (s == null) {
      return;
    }
    String t = s.strip();
    if (t.length() >= 4) {
      secrets.add(t);
      // a PEM key also leaks line by line
      if (t.contains("\n")) {
        t.lines().map(String::strip).filter(l -> l.length() >= 16 && !l.startsWith("-----")).forEach(secrets::add);
      }
    }
  }

  private static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : l;
  }
}
