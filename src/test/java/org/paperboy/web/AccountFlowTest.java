package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Magic-link sign-in, sessions, CSRF, rate limits and upvotes over real HTTP. */
class AccountFlowTest {
  // Every test client comes from 127.0.0.1: lift the per-client limit, keep the per-address one.
  @RegisterExtension
  static final Site site = Site.withSample(Map.of("PAPERBOY_LOGIN_LINKS_PER_CLIENT", "1000"));

  @Test
  void a_magic_link_from_the_outbox_signs_in_once_with_a_strict_session_cookie() throws Exception {
    Site.Client c = site.client();
    c.post("/login", Map.of("email", "Ada@Example.org", "next", "/trending"));
    String link = site.newestLink();
    assertThat(link)
        .startsWith("http://localhost:" + site.port() + "/login/verify?next=%2Ftrending&token=");
    String token = link.substring(link.indexOf("token=") + 6);

    // Opening the link does not spend it (mail scanners open links); the button does.
    assertThat(c.get("/login/verify?token=" + token).body()).contains("Sign in to paperboy");
    HttpResponse<String> in = c.post("/login/verify", Map.of("token", token, "next", "/trending"));

    assertThat(in.statusCode()).isEqualTo(303);
    assertThat(in.headers().firstValue("location")).hasValue("/trending");
    String cookie =
        in.headers().allValues("set-cookie").stream()
            .filter(s -> s.startsWith("pb_session="))
            .findFirst()
            .orElseThrow();
    assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/");
    assertThat(c.get("/trending").body()).contains("ada@example.org").contains("Sign out");

    Site.Client other = site.client();
    HttpResponse<String> again = other.post("/login/verify", Map.of("token", token));
    assertThat(again.statusCode()).isEqualTo(400);
    assertThat(again.body()).contains("already used");
  }

  @Test
  void a_forged_or_damaged_token_is_refused() {
    Site.Client c = site.client();
    HttpResponse<String> r =
        c.post("/login/verify", Map.of("token", "YWRhQGV4YW1wbGUub3Jn.9999999999.bm9uY2U.c2ln"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("not valid");
  }

  @Test
  void asking_for_a_link_answers_the_same_for_known_and_unknown_addresses() throws Exception {
    Site.Client known = site.client();
    known.signIn("known@example.org");
    Site.Client c = site.client();

    String forKnown = c.post("/login", Map.of("email", "known@example.org")).body();
    String forUnknown =
        c.post("/login", Map.of("email", "nobody-" + System.nanoTime() + "@example.org")).body();

    assertThat(strip(forKnown))
        .isEqualTo(strip(forUnknown))
        .contains("a sign-in link is on its way");
  }

  /** Pages differ only in the per-visitor CSRF token. */
  private static String strip(String html) {
    return html.replaceAll("name=\"csrf\" value=\"[^\"]+\"", "");
  }

  @Test
  void link_requests_are_rate_limited_per_address() {
    Site.Client c = site.client();
    String email = "flood@example.org";
    List<Integer> statuses = new java.util.ArrayList<>();
    for (int i = 0; i < 5; i++) statuses.add(c.post("/login", Map.of("email", email)).statusCode());

    assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
    assertThat(c.post("/login", Map.of("email", email)).body()).contains("too many sign-in links");
  }

  @Test
  void a_bad_address_is_a_400() {
    HttpResponse<String> r = site.client().post("/login", Map.of("email", "not an address"));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("is not an email address");
  }

  @Test
  void forms_without_the_csrf_token_are_refused() {
    Site.Client c = site.client();
    c.get("/");
    assertThat(c.postRaw("/login", Map.of("email", "x@example.org")).statusCode()).isEqualTo(403);
    assertThat(
            c.postRaw(
                    "/login", Map.of("email", "x@example.org", "csrf", "forged-token-forged-token"))
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void a_signed_in_reader_upvotes_once_and_can_take_it_back() throws Exception {
    Site.Client c = site.client();
    c.signIn("voter@example.org");
    String id = "2606.13289";
    int before = site.app().votes().count(id);

    HttpResponse<String> up =
        c.post("/vote", Map.of("id", id, "action", "up", "next", "/papers/" + id));
    c.post("/vote", Map.of("id", id, "action", "up", "next", "/papers/" + id));

    assertThat(up.statusCode()).isEqualTo(303);
    assertThat(up.headers().firstValue("location")).hasValue("/papers/" + id);
    assertThat(site.app().votes().count(id)).isEqualTo(before + 1);
    assertThat(c.get("/papers/" + id).body())
        .contains("aria-pressed=\"true\"")
        .contains("Remove my upvote");

    c.post("/vote", Map.of("id", id, "action", "remove", "next", "/"));
    assertThat(site.app().votes().count(id)).isEqualTo(before);
  }

  @Test
  void voting_needs_a_session_and_a_known_paper() throws Exception {
    Site.Client anonymous = site.client();
    assertThat(anonymous.post("/vote", Map.of("id", "2606.13289")).statusCode()).isEqualTo(403);
    Site.Client c = site.client();
    c.signIn("picky@example.org");
    assertThat(c.post("/vote", Map.of("id", "2999.99999")).statusCode()).isEqualTo(404);
  }

  @Test
  void next_never_leaves_the_site() throws Exception {
    Site.Client c = site.client();
    c.post("/login", Map.of("email", "redirect@example.org", "next", "//evil.example/x"));
    String link = site.newestLink();
    String token = link.substring(link.indexOf("token=") + 6);
    HttpResponse<String> in =
        c.post("/login/verify", Map.of("token", token, "next", "https://evil.example/"));
    assertThat(in.headers().firstValue("location")).hasValue("/");
  }

  @Test
  void signing_out_ends_the_session() throws Exception {
    Site.Client c = site.client();
    c.signIn("leaver@example.org");
    assertThat(c.get("/").body()).contains("leaver@example.org");
    c.post("/logout", Map.of());
    assertThat(c.get("/").body()).doesNotContain("leaver@example.org").contains("Sign in");
  }

  @Test
  void the_outbox_lists_the_mail_with_a_clickable_link() throws Exception {
    Site.Client c = site.client();
    c.post("/login", Map.of("email", "reader@example.org"));
    String list = c.get("/outbox").body();
    assertThat(list).contains("Your paperboy sign-in link").contains("reader@example.org");
    String name;
    try (var files = Files.list(site.dir().resolve("outbox"))) {
      name = files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
    }
    assertThat(c.get("/outbox/" + name).body())
        .contains("<a href=\"http://localhost:" + site.port() + "/login/verify?");
  }
}
