package org.paperboy.digest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A browser-like HTTP client: keeps cookies, fills in the CSRF token of the last page it saw. */
final class WebClient {
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private final String base;
  private final HttpClient http;
  private String csrf;

  WebClient(String base, boolean cookies) {
    this.base = base;
    HttpClient.Builder b = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
    if (cookies) b.cookieHandler(new CookieManager());
    this.http = b.build();
  }

  /** {@code pathOrUrl}: a path, or a link from mail whose origin is replaced by this server's. */
  HttpResponse<String> get(String pathOrUrl) {
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri(pathOrUrl)).GET().build());
    Matcher m = CSRF.matcher(r.body());
    if (m.find()) csrf = m.group(1);
    return r;
  }

  HttpResponse<String> post(String pathOrUrl, Map<String, String> form) {
    Map<String, String> all = new LinkedHashMap<>(form);
    if (csrf != null) all.putIfAbsent("csrf", csrf);
    String body =
        all.entrySet().stream()
            .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
            .collect(Collectors.joining("&"));
    return send(
        HttpRequest.newBuilder(uri(pathOrUrl))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** Exactly what a mail client sends for RFC 8058 one-click unsubscribe. */
  HttpResponse<String> oneClick(String url) {
    return send(
        HttpRequest.newBuilder(uri(url))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build());
  }

  private URI uri(String pathOrUrl) {
    return URI.create(
        pathOrUrl.startsWith("/")
            ? base + pathOrUrl
            : pathOrUrl.replaceFirst("^https?://[^/]+", base));
  }

  private HttpResponse<String> send(HttpRequest r) {
    try {
      return http.send(r, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new AssertionError("request failed: " + r.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
