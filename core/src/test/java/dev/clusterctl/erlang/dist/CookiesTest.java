package dev.clusterctl.erlang.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clusterctl.error.BadInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading cookies as Erlang's auth module does, without ever showing them. */
class CookiesTest {

  @TempDir Path home;

  private Path cookieFile(String content, String perms) throws Exception {
    Path f = home.resolve(".erlang.cookie");
    Files.writeString(f, content, StandardCharsets.ISO_8859_1);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
    return f;
  }

  @Test
  void digestIsMd5OfCookieAndUnsignedDecimalChallenge() {
    // erlang:md5("secret" ++ integer_to_list(4294967295)) on OTP 25
    assertThat(HexFormat.of().formatHex(Cookie.of("secret").digest(0xFFFFFFFFL)))
        .isEqualTo("5dfd181e69aa587cc812eb333e6536b6");
  }

  @Test
  void neverPrintsItself() throws Exception {
    LoadedCookie c = Cookies.fromFile(cookieFile("TOPSECRETVALUE\n", "r--------"));
    assertThat(c.cookie()).hasToString("Cookie[redacted]");
    assertThat(c.toString()).doesNotContain("TOPSECRETVALUE");
    assertThat(c.source()).isEqualTo("file " + home.resolve(".erlang.cookie"));
  }

  @Test
  void trailingWhitespaceIsNotPartOfTheCookie() throws Exception {
    assertThat(Cookies.fromFile(cookieFile("abc \r\n\t", "r--------")).cookie()).isEqualTo(Cookie.of("abc"));
    assertThat(Cookies.fromFile(cookieFile("a b", "r--------")).cookie()).isEqualTo(Cookie.of("a b"));
  }

  @Test
  void warnsWhenOthersMayReadTheFile() throws Exception {
    Path f = cookieFile("abc", "rw-r--r--");
    assertThat(Cookies.fromFile(f).warnings())
        .containsExactly("cookie file " + f + " is accessible by group or others (rw-r--r--); Erlang refuses such a file: chmod 400 " + f);
    assertThat(Cookies.fromFile(cookieFile("abc", "rw-------")).warnings()).isEmpty();
  }

  @Test
  void badFilesAreBadInputWithoutTheValue() throws Exception {
    assertThatThrownBy(() -> Cookies.fromFile(home.resolve("missing")))
        .isInstanceOf(BadInputException.class).hasMessage("cookie file " + home.resolve("missing") + ": no such file");
    Path empty = cookieFile("\n", "r--------");
    assertThatThrownBy(() -> Cookies.fromFile(empty)).hasMessage("cookie file " + empty + " is empty");
    Path bad = cookieFile("SECRETab\u0001c", "r--------");
    assertThatThrownBy(() -> Cookies.fromFile(bad))
        .hasMessage("cookie file " + bad + ": bad character at position 9 (Erlang accepts only printable ASCII in a cookie file)")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void environmentVariable() {
    LoadedCookie c = Cookies.fromEnv("RELEASE_COOKIE", Map.of("RELEASE_COOKIE", "xyz"));
    assertThat(c.cookie()).isEqualTo(Cookie.of("xyz"));
    assertThat(c.source()).isEqualTo("environment variable RELEASE_COOKIE");
    assertThatThrownBy(() -> Cookies.fromEnv("RELEASE_COOKIE", Map.of()))
        .isInstanceOf(BadInputException.class).hasMessage("cookie environment variable RELEASE_COOKIE is not set");
  }

  @Test
  void defaultsToHomeCookieOnlyWhenItExists() throws Exception {
    assertThat(Cookies.load(Optional.empty(), Optional.empty(), Map.of(), home)).isEmpty();
    cookieFile("abc", "r--------");
    assertThat(Cookies.load(Optional.empty(), Optional.empty(), Map.of(), home)).get()
        .extracting(LoadedCookie::cookie).isEqualTo(Cookie.of("abc"));
    assertThat(Cookies.load(Optional.empty(), Optional.of("C"), Map.of("C", "env"), home)).get()
        .extracting(LoadedCookie::cookie).isEqualTo(Cookie.of("env"));
  }
}
