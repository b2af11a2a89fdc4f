package dev.clusterctl.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code KUBECONFIG} that lists several files, merged as kubectl merges them (first file wins
 * per name, {@code current-context} from the first file that sets it, missing and empty files
 * skipped), gets the checks a single file gets: each refusal is bad input (exit 2), one line
 * naming the file and the field, never a credential's value.
 */
class KubeconfigMergedTest {

  static final String TOKEN = "sha256~m3rged-t0ken-NEVER-printed";

  @TempDir Path dir;

  private Path file(String name, String text) throws Exception {
    Path f = dir.resolve(name);
    Files.createDirectories(f.getParent());
    Files.writeString(f, text);
    return f;
  }

  private static String context(String name, String user) {
    return """
        contexts:
        - name: %s
          context:
            cluster: c
            user: %s
        """.formatted(name, user);
  }

  private static String cluster() {
    return """
        clusters:
        - name: c
          cluster:
            server: https://127.0.0.1:1
        """;
  }

  private static String user(String name, String fields) {
    return """
        users:
        - name: %s
          user:
            %s
        """.formatted(name, fields);
  }

  private static void refused(List<Path> files, String... parts) {
    assertThatThrownBy(() -> KubeconfigFile.checkMerged(files, Optional.empty()))
        .isInstanceOf(BadInputException.class)
        .satisfies(e -> {
          assertThat(e.getMessage()).contains(parts).doesNotContain(TOKEN).doesNotContain("\n")
              .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
        });
  }

  @Test
  void firstFileWinsAndPathsAreRelativeToTheFileHoldingTheUser() throws Exception {
    Path first = file("a/config", "current-context: dev\n" + cluster());
    Path second = file("b/config", "current-context: prod\n" + context("dev", "me") + context("prod", "other").replace("contexts:\n", ""));
    file("c/token", TOKEN + "\n");
    Path third = file("c/config", user("me", "tokenFile: token") + "- name: me\n  user:\n    token: shadowed-by-the-first\n");
    KubeconfigFile k = KubeconfigFile.checkMerged(List.of(dir.resolve("missing"), first, second, third), Optional.empty());
    assertThat(k.context()).as("current-context of the first file that sets it").isEqualTo("dev");
    assertThat(k.user()).contains("me");
    assertThat(k.token()).as("the tokenFile, relative to c/, trimmed").contains(TOKEN);
    assertThat(k.label()).isEqualTo("KUBECONFIG " + third);
    assertThat(k.secrets()).contains(TOKEN);
  }

  @Test
  void aBinaryFileInTheListIsNamed() throws Exception {
    Path good = file("good", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    Path binary = dir.resolve("binary");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, 1, 2, (byte) 0xff});
    refused(List.of(good, binary), "KUBECONFIG " + binary + ": not a kubeconfig (a binary file)");
  }

  @Test
  void anUnreadableFileInTheListIsNamed() throws Exception {
    Path good = file("good", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    Path locked = file("locked", "current-context: dev\n");
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    // as root permissions do not apply (tests and CI often run as root): a file whose read fails
    // for root too, with an I/O error, takes the same path
    Path unreadable = Files.isReadable(locked) ? Path.of("/proc/self/mem") : locked;
    assertThat(unreadable).exists();
    refused(List.of(good, unreadable), "KUBECONFIG " + unreadable + ": cannot read it (no permission or an I/O error)");
  }

  @Test
  void aDirectoryInTheListIsNamed() throws Exception {
    Path good = file("good", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    Path sub = Files.createDirectories(dir.resolve("sub"));
    refused(List.of(good, sub), "KUBECONFIG " + sub + ": cannot read it (a directory)");
  }

  @Test
  void invalidYamlInTheListIsNamedWithItsPlaceNotItsText() throws Exception {
    Path good = file("good", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    Path bad = file("bad", "users:\n- name: x\n  user: {token: " + TOKEN + "\n");
    refused(List.of(good, bad), "KUBECONFIG " + bad + ": not a readable kubeconfig (invalid YAML");
  }

  @Test
  void emptyFilesAreSkippedAsKubectlDoesButOnlyEmptyFilesAreEmpty() throws Exception {
    Path empty = file("empty", "");
    Path blank = file("blank", "\n  \n");
    refused(List.of(empty, blank, dir.resolve("missing")), "KUBECONFIG: kubeconfig is empty");
    Path good = file("good", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    assertThat(KubeconfigFile.checkMerged(List.of(empty, good), Optional.empty()).token()).contains(TOKEN);
  }

  @Test
  void aCurrentContextNamingNoContextNamesTheFileThatSetIt() throws Exception {
    Path first = file("first", "current-context: staging\n");
    Path second = file("second", "current-context: dev\n" + context("dev", "me") + user("me", "token: " + TOKEN));
    refused(List.of(first, second), "KUBECONFIG " + first + ": current-context 'staging' names no context in any of the KUBECONFIG files");
  }

  @Test
  void noCurrentContextInAnyFileSaysSo() throws Exception {
    Path first = file("first", context("dev", "me"));
    Path second = file("second", user("me", "token: " + TOKEN));
    refused(List.of(first, second), "KUBECONFIG: no current-context is set in any of its files (give --context)");
    assertThat(KubeconfigFile.checkMerged(List.of(first, second), Optional.of("dev")).token()).contains(TOKEN);
  }

  @Test
  void aMissingTokenFileNamesTheFileAndTheField() throws Exception {
    Path first = file("first", "current-context: dev\n" + context("dev", "me"));
    Path second = file("creds/second", user("me", "tokenFile: gone/token"));
    refused(List.of(first, second),
        "KUBECONFIG " + second + ": user 'me': tokenFile " + dir.resolve("creds/gone/token") + ": no such file");
  }

  @Test
  void aUserInNoFileIsNamed() throws Exception {
    Path first = file("first", "current-context: dev\n" + context("dev", "ghost"));
    Path second = file("second", user("me", "token: " + TOKEN));
    refused(List.of(first, second), "KUBECONFIG: context 'dev' names user 'ghost', which is not in any of its files");
  }

  @Test
  void anUnusableTokenIsRefusedNamingTheFieldNotTheValue() throws Exception {
    Path first = file("first", "current-context: dev\n" + context("dev", "me"));
    Path second = file("second", "users:\n- name: me\n  user:\n    token: \"" + TOKEN + "\\nsecond-line\"\n");
    refused(List.of(first, second), "KUBECONFIG " + second + ": user 'me': token is not usable");
  }
}
