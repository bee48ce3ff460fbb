package org.paperboy.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.app.SampleCorpus;

/**
 * The real app and server over a temp data dir holding the bundled sample, and an HTTP client that
 * keeps cookies like a browser. A JUnit extension: a test class registers one in a static field
 * ({@code @RegisterExtension static final Site site = Site.withSample();}); it starts before the
 * class's first test and stops after its last, since loading the sample takes a while.
 */
final class Site implements BeforeAllCallback, AfterAllCallback {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final Map<String, String> env;
  private Path dir;
  private Paperboy app;
  private WebServer server;
  private int port;

  private Site(Map<String, String> env) {
    this.env = lexical(env);
  }

  static Site withSample() {
    return withSample(Map.of());
  }

  /** With these environment variables on top of the test defaults. */
  static Site withSample(Map<String, String> env) {
    return new Site(env);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    // JUnit runs afterAll also when this fails half way: it closes whatever was opened.
    dir = Files.createTempDirectory("paperboy-site");
    app = Paperboy.open(Config.from(dir, env));
    SampleCorpus.loadIfEmpty(app);
    server = app.webServer();
    port = server.start("127.0.0.1", 0);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    try {
      if (server != null) server.close();
    } finally {
      try {
        if (app != null) app.close();
      } finally {
        delete(dir);
        server = null;
        app = null;
        dir = null;
      }
    }
  }

  private static void delete(Path dir) throws IOException {
    if (dir == null || !Files.exists(dir)) return;
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** The app behind the site, to arrange a test's data and look at what the pages did. */
  Paperboy app() {
    return app;
  }

  int port() {
    return port;
  }

  /** The data dir: the store, the index and the outbox. */
  Path dir() {
    return dir;
  }

  /**
   * The web tests run search lexical: embedding the sample takes minutes on a small machine, and
   * search quality is tested by the search feature. A test may still turn embeddings on.
   */
  private static Map<String, String> lexical(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("PAPERBOY_EMBEDDINGS", "off");
    return all;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** A new visitor: its own cookie jar, redirects not followed so tests can see them. */
  Client client() {
    return new Client();
  }

  final class Client {
    final CookieManager cookies = new CookieManager();
    final HttpClient http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    /** Posts a form, adding the CSRF token of this visitor (from a page it got before). */
    HttpResponse<String> post(String path, Map<String, String> form) {
      Map<String, String> all = new LinkedHashMap<>(form);
      all.putIfAbsent("csrf", csrf());
      return postRaw(path, all);
    }

    HttpResponse<String> postRaw(String path, Map<String, String> form) {
      String body =
          form.entrySet().stream()
              .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
              .collect(Collectors.joining("&"));
      return send(
          HttpRequest.newBuilder(URI.create(url(path)))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build());
    }

    String csrf() {
      Matcher m = CSRF.matcher(get("/login").body());
      if (!m.find()) throw new AssertionError("no CSRF token on /login");
      return m.group(1);
    }

    /**
     * Asks for a sign-in link, takes it from the outbox and spends it; returns the landing
     * response.
     */
    HttpResponse<String> signIn(String email) throws IOException {
      post("/login", Map.of("email", email, "next", "/"));
      String link = newestLink();
      String token = link.substring(link.indexOf("token=") + 6);
      return post("/login/verify", Map.of("token", token, "next", "/"));
    }

    private HttpResponse<String> send(HttpRequest request) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new AssertionError("request failed: " + request.uri(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  /** The sign-in link in the newest .eml of the outbox. */
  String newestLink() throws IOException {
    Path outbox = dir.resolve("outbox");
    try (var files = Files.list(outbox)) {
      Path newest =
          files
              .filter(f -> f.toString().endsWith(".eml"))
              .sorted()
              .reduce((a, b) -> b)
              .orElseThrow(() -> new AssertionError("the outbox is empty"));
      Matcher m = Pattern.compile("http://\\S+token=\\S+").matcher(Files.readString(newest));
      if (!m.find()) throw new AssertionError("no link in " + newest);
      return m.group();
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
