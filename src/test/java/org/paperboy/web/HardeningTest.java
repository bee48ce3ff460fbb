package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.rank.Votes;

/**
 * What an attacker, a fuzzer and crawlers found (issue 14): CSRF tokens bound to the session and
 * checked with the request's origin, no cookies on cacheable answers, redirects only to this site,
 * HEAD as GET without a body, 405 with Allow, JSON errors for what Jetty refuses, and static files
 * under fingerprinted names.
 */
class HardeningTest {
  @RegisterExtension
  static final Site site = Site.withSample(Map.of("PAPERBOY_LOGIN_LINKS_PER_CLIENT", "1000"));

  private static final String PAPER = "2606.13289";
  private static final String PLANTED = "AAAAAAAAAAAAAAAAAAAAAAAA";

  private static HttpResponse<String> send(Site.Client c, HttpRequest.Builder b) {
    try {
      return c.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(site.url(path)));
  }

  private static HttpRequest.Builder form(String path, String body) {
    return request(path)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body));
  }

  private static String sessionCookie(HttpResponse<String> signedIn) {
    return signedIn.headers().allValues("set-cookie").stream()
        .filter(s -> s.startsWith("pb_session="))
        .map(s -> s.substring(0, s.indexOf(';')))
        .findFirst()
        .orElseThrow();
  }

  private static int votes(String paper) {
    Votes v = site.app().votes();
    return v.count(paper);
  }

  @Test
  void a_planted_csrf_cookie_and_the_same_value_in_the_form_do_not_make_a_vote() throws Exception {
    Site.Client victim = site.client();
    String session = sessionCookie(victim.signIn("victim@example.org"));
    int before = votes(PAPER);

    // What a page on another port of this host could do: set pb_csrf and post the same value.
    Site.Client attacker = site.client();
    HttpResponse<String> r =
        send(
            attacker,
            form("/vote", "id=" + PAPER + "&csrf=" + PLANTED + "&next=%2F")
                .header("Cookie", "pb_csrf=" + PLANTED + "; " + session));

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(votes(PAPER)).isEqualTo(before);
  }

  @Test
  void a_post_from_another_origin_is_refused_even_with_the_right_token() throws Exception {
    Site.Client c = site.client();
    c.signIn("origin@example.org");
    String token = c.csrf();
    String body = "id=" + PAPER + "&csrf=" + token;

    HttpResponse<String> evil =
        send(c, form("/vote", body).header("Origin", "http://evil.example"));
    HttpResponse<String> otherPort =
        send(c, form("/vote", body).header("Origin", "http://127.0.0.1:1"));
    HttpResponse<String> sameSite =
        send(c, form("/vote", body).header("Sec-Fetch-Site", "same-site"));
    HttpResponse<String> ours =
        send(
            c,
            form("/vote", body)
                .header("Origin", "http://127.0.0.1:" + site.port())
                .header("Sec-Fetch-Site", "same-origin"));

    assertThat(evil.statusCode()).isEqualTo(403);
    assertThat(otherPort.statusCode()).isEqualTo(403);
    assertThat(sameSite.statusCode()).isEqualTo(403);
    assertThat(ours.statusCode()).isEqualTo(303);
  }

  @Test
  void signing_in_changes_the_form_token() throws Exception {
    Site.Client c = site.client();
    String before = c.csrf();
    c.signIn("rotate@example.org");
    String after = c.csrf();

    assertThat(after).isNotEqualTo(before);
    assertThat(c.post("/vote", Map.of("id", PAPER, "csrf", before)).statusCode()).isEqualTo(403);
    assertThat(c.post("/vote", Map.of("id", PAPER, "csrf", after)).statusCode()).isEqualTo(303);
  }

  @Test
  void over_https_the_cookies_carry_the_host_prefix() {
    Site.Client c = site.client();
    HttpResponse<String> r = send(c, request("/login").header("X-Forwarded-Proto", "https"));

    assertThat(r.headers().allValues("set-cookie"))
        .singleElement()
        .satisfies(
            s ->
                assertThat(s)
                    .startsWith("__Host-pb_csrf=")
                    .contains("; Secure")
                    .contains("Path=/")
                    .doesNotContain("Domain"));
  }

  @Test
  void static_files_feeds_and_the_api_set_no_cookie() {
    Site.Client c = site.client();
    String css = assetPath(c.get("/").body(), "stylesheet");
    for (String path :
        new String[] {
          css,
          "/static/app.css",
          "/static/favicon.svg",
          "/feed.atom?q=llm",
          "/trending.atom",
          "/api/daily",
          "/api/trending",
          "/api/openapi.json",
          "/api/papers/" + PAPER,
          "/health",
          "/robots.txt"
        }) {
      HttpResponse<String> r = site.client().get(path);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().allValues("set-cookie")).as(path).isEmpty();
    }
    // A page with a form still gets the visitor's cookie.
    assertThat(site.client().get("/login").headers().allValues("set-cookie")).hasSize(1);
  }

  @Test
  void next_accepts_only_a_path_of_this_site() {
    assertThat(AccountPages.next("/\t/evil.example")).isEqualTo("/");
    assertThat(AccountPages.next("/\n/evil.example")).isEqualTo("/");
    assertThat(AccountPages.next("/\\evil.example")).isEqualTo("/");
    assertThat(AccountPages.next("//evil.example")).isEqualTo("/");
    assertThat(AccountPages.next("https://evil.example/")).isEqualTo("/");
    assertThat(AccountPages.next("javascript:alert(1)")).isEqualTo("/");
    assertThat(AccountPages.next("/ /evil.example")).isEqualTo("/");
    assertThat(AccountPages.next("/search?q=llm&page=2")).isEqualTo("/search?q=llm&page=2");
    assertThat(AccountPages.next("/search?q=caf\u00e9")).isEqualTo("/search?q=caf%C3%A9");
  }

  @Test
  void signing_in_and_voting_with_a_tab_in_next_go_home() throws Exception {
    Site.Client c = site.client();
    c.post("/login", Map.of("email", "tab@example.org", "next", "/\t/evil.example"));
    String link = site.newestLink();
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> in =
        c.post("/login/verify", Map.of("token", token, "next", "/\t/evil.example"));
    HttpResponse<String> vote = c.post("/vote", Map.of("id", PAPER, "next", "/\t/evil.example"));

    assertThat(in.headers().firstValue("location")).hasValue("/");
    assertThat(vote.statusCode()).isEqualTo(303);
    assertThat(vote.headers().firstValue("location")).hasValue("/");
  }

  @Test
  void head_gives_the_status_and_headers_of_get_without_a_body() {
    Site.Client c = site.client();
    for (String path :
        new String[] {
          "/api/papers/9999.99999",
          "/api/daily?date=x",
          "/papers/9999.99999",
          "/",
          "/api/daily",
          "/trending.atom",
          "/robots.txt"
        }) {
      HttpResponse<String> get = c.get(path);
      HttpResponse<String> head =
          send(c, request(path).method("HEAD", HttpRequest.BodyPublishers.noBody()));
      assertThat(head.statusCode()).as(path).isEqualTo(get.statusCode());
      assertThat(head.headers().firstValue("content-type"))
          .as(path)
          .isEqualTo(get.headers().firstValue("content-type"));
      assertThat(head.body()).as(path).isEmpty();
    }
  }

  @Test
  void other_methods_on_known_paths_are_405_with_allow() {
    Site.Client c = site.client();
    for (String method : new String[] {"PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "POST"}) {
      HttpResponse<String> r =
          send(c, request("/api/trending").method(method, HttpRequest.BodyPublishers.noBody()));
      assertThat(r.statusCode()).as(method).isEqualTo(405);
      assertThat(r.headers().firstValue("allow")).as(method).hasValue("GET, HEAD");
      assertThat(r.body()).as(method).contains("\"code\":\"method_not_allowed\"");
    }
    HttpResponse<String> login =
        send(c, request("/login").method("DELETE", HttpRequest.BodyPublishers.noBody()));
    assertThat(login.statusCode()).isEqualTo(405);
    assertThat(login.headers().firstValue("allow")).hasValue("GET, HEAD, POST");
    HttpResponse<String> paper =
        send(c, request("/api/papers/" + PAPER).method("PUT", HttpRequest.BodyPublishers.noBody()));
    assertThat(paper.statusCode()).isEqualTo(405);
    // An unknown path stays 404.
    assertThat(
            send(c, request("/api/nothing").method("PUT", HttpRequest.BodyPublishers.noBody()))
                .statusCode())
        .isEqualTo(404);
  }

  @Test
  void what_jetty_refuses_under_api_is_the_json_error() {
    HttpResponse<String> r = site.client().get("/api/papers/%00");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
    assertThat(r.body()).startsWith("{\"error\":{").contains("\"code\":\"bad_request\"");
  }

  @Test
  void static_assets_have_fingerprinted_names_cached_for_a_year() {
    Site.Client c = site.client();
    String page = c.get("/").body();
    String css = assetPath(page, "stylesheet");
    String icon = assetPath(page, "icon");

    assertThat(css).matches("/static/app\\.[0-9a-f]{10}\\.css");
    assertThat(icon).matches("/static/favicon\\.[0-9a-f]{10}\\.svg");
    HttpResponse<String> r = c.get(css);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("cache-control"))
        .hasValue("public, max-age=31536000, immutable");
    assertThat(r.headers().firstValue("content-type")).hasValue("text/css; charset=utf-8");
    assertThat(r.body()).isEqualTo(c.get("/static/app.css").body());
    assertThat(c.get("/static/app.0123456789.css").statusCode()).isEqualTo(404);
  }

  @Test
  void robots_txt_keeps_crawlers_off_per_reader_pages() {
    HttpResponse<String> r = site.client().get("/robots.txt");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
    assertThat(r.body()).startsWith("User-agent: *\n").contains("Disallow: /login\n");
  }

  private static String assetPath(String page, String rel) {
    Matcher m = Pattern.compile("<link rel=\"" + rel + "\" href=\"([^\"]+)\"").matcher(page);
    if (!m.find()) throw new AssertionError("no " + rel + " link on the page");
    return m.group(1);
  }
}
