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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.app.SampleCorpus;

/**
 * The real app and server over a temp data dir (with the bundled sample when asked), and an HTTP
 * client that keeps cookies like a browser. One per test class: loading the sample takes a while.
 */
final class Site implements AutoCloseable {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  final Path dir;
  final Paperboy app;
  final WebServer server;
  final int port;

  Site(Path dir, boolean sample, Map<String, String> env) {
    this.dir = dir;
    app = Paperboy.open(Config.from(dir, lexical(env)));
    if (sample) SampleCorpus.loadIfEmpty(app);
    server = WebServer.of(app);
    port = server.start("127.0.0.1", 0);
  }

  static Site withSample(Path dir) {
    return new Site(dir, true, Map.of());
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

  @Override
  public void close() {
    server.close();
    app.close();
  }
}
