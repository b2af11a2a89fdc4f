package dev.clusterctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.clusterctl.cli.exit.ExitCode;
import dev.clusterctl.testing.FakeDnsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;

/**
 * The fault matrix: Kubernetes APIs that refuse, hang, drip or answer garbage, kubeconfigs and
 * credentials that cannot be used, DNS servers that stay silent or answer nonsense, Erlang peers
 * that stall, bad flags, all on loopback. Every cell asserts the exit code, a time bound that comes
 * from the deadline it sets (never a sleep), exactly one line on stderr in words (no Java class
 * name), and that no credential appears on stdout or stderr, {@code --verbose} included.
 */
class FaultMatrixTest {

  /** The token every kubeconfig here carries; it must never be printed. */
  static final String TOKEN = "sha256~fAuLtM4tr1x-t0ken-NEVER-printed";
  /** Slack for the JVM and the scheduler on a shared 2-core machine, above a command's own deadline. */
  static final Duration SLACK = Duration.ofSeconds(3);
  static final Path EXAMPLES = Path.of("..", "docs", "examples");

  @TempDir Path dir;

  private final List<AutoCloseable> servers = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable s : servers) {
      s.close();
    }
  }

  // ---------------------------------------------------------------- the Kubernetes API

  @Test
  void api404IsItsStatusAndReason() throws Exception {
    String url = http(status(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"the server could not find the requested resource\",\"reason\":\"NotFound\",\"code\":404}"));
    Cell c = doctor(kubeconfig(url, "token: " + TOKEN));
    c.exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10)).says("answered 404 Not Found to list services");
  }

  @Test
  void api500IsItsStatusAndReason() throws Exception {
    String url = http(status(500, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"etcdserver: request timed out\",\"code\":500}"));
    doctor(kubeconfig(url, "token: " + TOKEN)).exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10))
        .says("answered 500 Internal Server Error to list services: etcdserver: request timed out");
  }

  @Test
  void malformedJsonIsNamed() throws Exception {
    String url = http(body(200, "application/json", "{\"kind\":\"ServiceList\",\"items\":[{\"metadata\":"));
    doctor(kubeconfig(url, "token: " + TOKEN)).exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10))
        .says("is not the API's JSON (malformed JSON");
  }

  @Test
  void anHtmlPageIsNamed() throws Exception {
    String url = http(body(200, "text/html", "<!DOCTYPE html><html><body>Sign in to the dashboard</body></html>"));
    doctor(kubeconfig(url, "token: " + TOKEN)).exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10))
        .says("is not the API's JSON (it is an HTML page");
  }

  @Test
  void aDrippingBodyEndsAtTheTimeoutNotPerRead() throws Exception {
    String url = http(drip());
    doctor(kubeconfig(url, "token: " + TOKEN), "--timeout", "1s").exits(ExitCode.UNREACHABLE)
        .within(Duration.ofSeconds(1)).says("did not answer list services within 1 s (--timeout)");
  }

  @Test
  void anApiThatNeverAnswersEndsAtTheTimeout() throws Exception {
    ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    Thread t = new Thread(() -> {
      while (!silent.isClosed()) {
        try {
          held.add(silent.accept());
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    servers.add(silent);
    servers.add(() -> held.forEach(s -> {
      try {
        s.close();
      } catch (IOException ignored) {
        // closing
      }
    }));
    doctor(kubeconfig("http://127.0.0.1:" + silent.getLocalPort(), "token: " + TOKEN), "--timeout", "800ms")
        .exits(ExitCode.UNREACHABLE).within(Duration.ofMillis(800)).says("did not answer list services within 800 ms (--timeout)");
  }

  @Test
  void a401SaysTheCredentialsWereRefusedNotRbac() throws Exception {
    String url = http(status(401, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"Unauthorized\",\"reason\":\"Unauthorized\",\"code\":401}"));
    Cell c = doctor(kubeconfig(url, "token: " + TOKEN), "--verbose");
    c.exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("401: the credentials were refused");
    assertThat(c.r.err()).doesNotContain("rbac");
  }

  @Test
  void aSelfSignedCertificateIsNotTrusted() throws Exception {
    String url = https(status(200, "{}"));
    doctor(kubeconfig(url, "token: " + TOKEN)).exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10))
        .says("TLS: the API server's certificate is not trusted (set certificate-authority, or insecure-skip-tls-verify)");
  }

  @Test
  void anUnknownHostIsHostNotFound() throws Exception {
    doctor(kubeconfig("https://api.cluster.invalid:6443", "token: " + TOKEN)).exits(ExitCode.UNREACHABLE)
        .within(Duration.ofSeconds(10)).says("cannot be reached: host not found");
  }

  @Test
  void aClosedPortIsConnectionRefused() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    doctor(kubeconfig("http://127.0.0.1:" + port, "token: " + TOKEN)).exits(ExitCode.UNREACHABLE)
        .within(Duration.ofSeconds(10)).says("cannot be reached: connection refused");
  }

  // ---------------------------------------------------------------- kubeconfigs and credentials

  @Test
  void aTokenEndingInALineBreakIsTrimmedAsKubectlDoes() throws Exception {
    // the server answers 404 to the right token and 401 to anything else: a 404 proves the header was sent trimmed
    String url = http(ex -> {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      respond(ex, ("Bearer " + TOKEN).equals(auth) ? 404 : 401, "application/json", "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\"}");
    });
    doctor(kubeconfig(url, "token: |\n      " + TOKEN), "--verbose").exits(ExitCode.UNREACHABLE)
        .within(Duration.ofSeconds(10)).says("answered 404 Not Found to list services");
  }

  @Test
  void aMissingTokenFileIsBadInput() throws Exception {
    Path missing = dir.resolve("no-such-token");
    doctor(kubeconfig("http://127.0.0.1:1", "tokenFile: " + missing)).exits(ExitCode.USAGE).within(Duration.ofSeconds(10))
        .says("user 'me': tokenFile " + missing + ": no such file");
  }

  @Test
  void aTokenFileEndingInALineBreakIsTrimmed() throws Exception {
    Path tokenFile = dir.resolve("token");
    Files.writeString(tokenFile, TOKEN + "\n");
    String url = http(ex -> respond(ex, ("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization")) ? 500 : 401,
        "application/json", "{}"));
    doctor(kubeconfig(url, "tokenFile: " + tokenFile), "--verbose").exits(ExitCode.UNREACHABLE).within(Duration.ofSeconds(10))
        .says("answered 500 Internal Server Error");
  }

  @Test
  void aTokenWithALineBreakInsideIsRefusedNamingTheFieldNotTheValue() throws Exception {
    doctor(kubeconfig("http://127.0.0.1:1", "token: \"" + TOKEN.substring(0, 10) + "\\n" + TOKEN.substring(10) + "\""), "--verbose")
        .exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("user 'me': token is not usable");
  }

  @Test
  void invalidClientKeyDataIsRefusedNamingTheField() throws Exception {
    String garbage = Base64.getEncoder().encodeToString(("not a key but " + TOKEN).getBytes(StandardCharsets.UTF_8));
    doctor(kubeconfig("https://127.0.0.1:1", "client-certificate-data: " + garbage + "\n    client-key-data: " + garbage), "--verbose")
        .exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("user 'me': client-key-data is not a PEM private key");
  }

  @Test
  void aPemShapedButBrokenClientKeyIsRefusedNamingTheFields() throws Exception {
    String cert = Base64.getEncoder().encodeToString("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n".getBytes(StandardCharsets.UTF_8));
    String key = Base64.getEncoder().encodeToString(("-----BEGIN RSA PRIVATE KEY-----\n" + TOKEN + "\n-----END RSA PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8));
    doctor(kubeconfig("https://127.0.0.1:1", "client-certificate-data: " + cert + "\n    client-key-data: " + key), "--verbose")
        .exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("the client certificate and key cannot be loaded");
  }

  @Test
  void anEmptyKubeconfigSaysSo() throws Exception {
    Path f = dir.resolve("empty");
    Files.writeString(f, "\n");
    doctor(f).exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("kubeconfig is empty");
  }

  @Test
  void aBinaryKubeconfigIsNotOne() throws Exception {
    Path f = dir.resolve("binary");
    Files.write(f, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, (byte) 0xff, (byte) 0xfe});
    doctor(f).exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("not a kubeconfig (a binary file)");
  }

  @Test
  void aCurrentContextNamingNoContextIsBadInputNotInCluster() throws Exception {
    Path f = kubeconfig("http://127.0.0.1:1", "token: " + TOKEN);
    Files.writeString(f, Files.readString(f).replace("current-context: mock", "current-context: gone"));
    doctor(f).exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("current-context 'gone' names no context in the file");
  }

  @Test
  void aKubeconfigNestedTooDeepIsOneLine() throws Exception {
    Path f = dir.resolve("deep");
    Files.writeString(f, "apiVersion: v1\nkind: Config\npreferences: " + "[".repeat(20_000) + "]".repeat(20_000) + "\n");
    doctor(f).exits(ExitCode.USAGE).within(Duration.ofSeconds(10)).says("YAML nested too deep");
  }

  @Test
  void aManifestNestedTooDeepIsOneLineInWords() throws Exception {
    Path f = dir.resolve("deep.yaml");
    Files.writeString(f, "apiVersion: v1\nkind: Service\nmetadata:\n  name: x\n  labels: " + "[".repeat(5_000) + "]".repeat(5_000) + "\n");
    timed(() -> Cli.run("doctor", "-f", f.toString())).exits(ExitCode.USAGE).within(Duration.ofSeconds(10))
        .says(f + ":5: YAML nested more than 200 levels deep");
  }

  @Test
  void anApiTimeoutOverAnHourIsBadInput() throws Exception {
    doctor(kubeconfig("http://127.0.0.1:1", "token: " + TOKEN), "--timeout", "2592000").exits(ExitCode.USAGE)
        .within(Duration.ofSeconds(10)).says("--timeout must be at most 60 minutes");
  }

  // ---------------------------------------------------------------- DNS

  @Test
  void aSilentDnsServerEndsAtTheTimeout() {
    FakeDnsServer s = dns(FakeDnsServer.silent());
    timed(() -> Cli.run("resolve", "@" + s.hostPort(), "ledger.payments.example.", "--timeout", "500ms", "--tries", "1"))
        .exits(ExitCode.UNREACHABLE).within(Duration.ofMillis(500)).says("no DNS server answered");
  }

  @Test
  void anOwnerNameOverTwoHundredFiftyFiveOctetsIsWords() {
    FakeDnsServer s = dns(FakeDnsServer.longOwnerName());
    Cell c = timed(() -> Cli.run("resolve", "@" + s.hostPort(), "ledger.payments.example.", "--timeout", "500ms", "--tries", "1"));
    c.exits(ExitCode.UNREACHABLE).within(Duration.ofMillis(500)).says("255");
    assertThat(c.r.err()).doesNotContain("null");
  }

  @Test
  void aReplyToAnotherQuestionIsNotTheAnswer() {
    FakeDnsServer s = dns(FakeDnsServer.wrongQuestion());
    timed(() -> Cli.run("resolve", "@" + s.hostPort(), "ledger.payments.example.", "--timeout", "500ms", "--tries", "1"))
        .exits(ExitCode.UNREACHABLE).within(Duration.ofMillis(500)).says("no DNS server answered");
  }

  @Test
  void aDnsTimeoutOfThirtyDaysIsBadInput() {
    timed(() -> Cli.run("resolve", "@127.0.0.1:1", "x.example.", "--timeout", "2592000")).exits(ExitCode.USAGE)
        .within(Duration.ofSeconds(5)).says("timeout must be at most 60 minutes");
  }

  @Test
  void aTimeoutTooLargeForAnyClockIsBadInput() {
    timed(() -> Cli.run("resolve", "@127.0.0.1:1", "x.example.", "--timeout", "9999999999")).exits(ExitCode.USAGE)
        .within(Duration.ofSeconds(5)).says("timeout must be at most 60 minutes");
  }

  // ---------------------------------------------------------------- Erlang peers

  /** What a fake peer does with each connection it accepts. */
  interface PeerScript {
    void play(Socket s) throws IOException;
  }

  /** A TCP port on loopback playing {@code script} on every connection. */
  private int peer(PeerScript script) throws IOException {
    ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    List<Socket> held = new CopyOnWriteArrayList<>();
    Thread t = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket s = server.accept();
          held.add(s);
          Thread play = new Thread(() -> {
            try {
              script.play(s);
            } catch (IOException ignored) {
              // the client went away
            }
          });
          play.setDaemon(true);
          play.start();
        } catch (IOException e) {
          return;
        }
      }
    });
    t.setDaemon(true);
    t.start();
    servers.add(server);
    servers.add(() -> {
      for (Socket s : held) {
        s.close();
      }
    });
    return server.getLocalPort();
  }

  /** {@code join} of one peer at 127.0.0.1 on {@code port} ({@code --dist-port}, or EPMD's with {@code epmd}), with a cookie. */
  private Cell join(int port, boolean epmd) throws IOException {
    FakeDnsServer loopback = dns(q -> {
      Message m = new Message(q.getHeader().getID());
      m.getHeader().setFlag(Flags.QR);
      m.getHeader().setFlag(Flags.AA);
      m.addRecord(q.getQuestion(), Section.QUESTION);
      m.addRecord(new ARecord(q.getQuestion().getName(), DClass.IN, 30, InetAddress.getLoopbackAddress()), Section.ANSWER);
      return m.toWire();
    });
    Path cookie = dir.resolve("cookie");
    Files.writeString(cookie, "COOKIE-" + TOKEN);
    Files.setPosixFilePermissions(cookie, java.nio.file.attribute.PosixFilePermissions.fromString("r--------"));
    Cell c = timed(() -> Cli.run("join", "@" + loopback.hostPort(), "ledger.payments.example.", "--basename", "ledger",
        epmd ? "--epmd-port" : "--dist-port", Integer.toString(port), "--probe-timeout", "700ms", "--cookie-file", cookie.toString(),
        "--timeout", "500ms", "--tries", "1", "--verbose"));
    // a peer's fault is the report's business: its row says what happened, exit 1, nothing on stderr
    assertThat(c.r.exit()).as(c.r.err()).isEqualTo(ExitCode.PROBLEM.code());
    assertThat(c.r.err()).isEmpty();
    assertThat(c.r.out()).contains("ledger@127.0.0.1").doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
    c.within(Duration.ofMillis(500 + 700));
    c.noSecret("COOKIE-" + TOKEN);
    return c;
  }

  @Test
  void aPeerThatStallsEndsAtTheProbeTimeout() throws Exception {
    Cell c = join(peer(s -> { }), false); // accepted, never answered
    assertThat(c.r.out()).containsIgnoringCase("timed out");
  }

  @Test
  void aPeerThatAnswersGarbageIsNamedNotAHang() throws Exception {
    Cell c = join(peer(s -> {
      s.getOutputStream().write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      s.getOutputStream().flush();
    }), false);
    assertThat(c.r.out()).doesNotContain("joinable ");
  }

  @Test
  void aPeerThatHangsUpAtOnceIsNamed() throws Exception {
    Cell c = join(peer(Socket::close), false);
    assertThat(c.r.out()).doesNotContain("joinable ");
  }

  @Test
  void anEpmdThatStallsEndsAtTheProbeTimeout() throws Exception {
    Cell c = join(peer(s -> { }), true);
    assertThat(c.r.out()).containsIgnoringCase("timed out");
  }

  // ---------------------------------------------------------------- helpers

  /** One run and what the cell asserts about it. */
  final class Cell {
    final Cli.Result r;
    final Duration took;

    Cell(Cli.Result r, Duration took) {
      this.r = r;
      this.took = took;
    }

    Cell exits(ExitCode code) {
      assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isEqualTo(code.code());
      return this;
    }

    /** The run ended within {@code deadline} (what the command was told to wait) plus {@link #SLACK}. */
    Cell within(Duration deadline) {
      assertThat(took).as("time taken against a deadline of %s", deadline).isLessThan(deadline.plus(SLACK));
      return this;
    }

    /** Exactly one line on stderr, in words, containing {@code text}, and no credential anywhere. */
    Cell says(String text) {
      List<String> lines = r.err().lines().filter(l -> !l.startsWith("\tat ") && !isTraceLine(l)).toList();
      List<String> first = r.err().lines().limit(1).toList();
      assertThat(first).as("stderr:\n%s", r.err()).hasSize(1);
      assertThat(first.get(0)).startsWith("clusterctl: ").contains(text);
      assertThat(first.get(0)).as("no Java class name").doesNotContainPattern("\\b(java|javax|io\\.fabric8|com\\.fasterxml)\\.[a-z]")
          .doesNotContainPattern("[A-Za-z]+(Exception|Error)\\b");
      if (!verbose()) {
        assertThat(r.err().lines().count()).as("stderr:\n%s", r.err()).isEqualTo(1);
      }
      assertThat(lines).isNotEmpty();
      noSecret(TOKEN);
      return this;
    }

    void noSecret(String secret) {
      for (String part : List.of(secret, secret.substring(0, secret.length() / 2), secret.substring(secret.length() / 2))) {
        assertThat(r.out()).doesNotContain(part);
        assertThat(r.err()).doesNotContain(part);
      }
    }

    private boolean verbose() {
      return r.err().contains("\tat ");
    }

    private boolean isTraceLine(String l) {
      return l.startsWith("Caused by:") || l.startsWith("\t... ");
    }
  }

  private Cell doctor(Path kubeconfig, String... more) {
    Path config = EXAMPLES.resolve("srv-deployment").resolve("config");
    List<String> args = new ArrayList<>(List.of("doctor", "--kubeconfig", kubeconfig.toString(),
        "--sys-config", config.resolve("sys.config").toString(), "--vm-args", config.resolve("vm.args.src").toString()));
    args.addAll(List.of(more));
    return timed(() -> Cli.run(args.toArray(String[]::new)));
  }

  private Cell timed(java.util.function.Supplier<Cli.Result> run) {
    long start = System.nanoTime();
    Cli.Result r = run.get();
    return new Cell(r, Duration.ofNanos(System.nanoTime() - start));
  }

  private Path kubeconfig(String server, String credentials) throws IOException {
    Path f = dir.resolve("kubeconfig-" + System.nanoTime());
    Files.writeString(f, """
        apiVersion: v1
        kind: Config
        clusters:
        - name: mock
          cluster:
            server: %s
        users:
        - name: me
          user:
            %s
        contexts:
        - name: mock
          context:
            cluster: mock
            user: me
            namespace: payments
        current-context: mock
        """.formatted(server, credentials));
    return f;
  }

  private FakeDnsServer dns(FakeDnsServer.Responder responder) {
    FakeDnsServer s = FakeDnsServer.start(responder, null);
    servers.add(s);
    return s;
  }

  private static HttpHandler status(int code, String json) {
    return body(code, "application/json", json);
  }

  private static HttpHandler body(int code, String type, String text) {
    return ex -> respond(ex, code, type, text);
  }

  private static void respond(HttpExchange ex, int code, String type, String text) throws IOException {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", type);
    ex.sendResponseHeaders(code, b.length);
    try (OutputStream o = ex.getResponseBody()) {
      o.write(b);
    }
  }

  /** Headers at once, then a JSON body a byte every 100 ms: each read is quick, the whole answer takes minutes. */
  private static HttpHandler drip() {
    return ex -> {
      byte[] b = ("{\"kind\":\"ServiceList\",\"apiVersion\":\"v1\",\"items\":[" + " ".repeat(4000) + "]}").getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "application/json");
      ex.sendResponseHeaders(200, b.length);
      try (OutputStream o = ex.getResponseBody()) {
        for (byte x : b) {
          o.write(x);
          o.flush();
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100)); // the server's pace, not a wait of the test
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
        }
      } catch (IOException closedByTheClient) {
        // the client gave up: what the cell expects
      }
    };
  }

  private String http(HttpHandler handler) throws IOException {
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    return serve(s, handler, "http");
  }

  private String https(HttpHandler handler) throws Exception {
    HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    s.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
    return serve(s, handler, "https");
  }

  private String serve(HttpServer s, HttpHandler handler, String scheme) {
    ExecutorService pool = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "fault-api");
      t.setDaemon(true);
      return t;
    });
    s.setExecutor(pool);
    s.createContext("/", handler);
    s.start();
    servers.add(() -> {
      s.stop(0);
      pool.shutdownNow();
    });
    return scheme + "://127.0.0.1:" + s.getAddress().getPort();
  }

  /** A TLS context with a fresh self-signed certificate, made by the JDK's keytool. */
  private SSLContext selfSigned() throws Exception {
    Path ks = dir.resolve("api.p12");
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "api", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-keystore", ks.toString(),
        "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (FileInputStream in = new FileInputStream(ks.toFile())) {
      store.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }
}
