package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.digest.SubscriptionForm;

/** Saving papers and the digest's click redirect, over real HTTP against the real app. */
class SavedAndClicksTest {
  @RegisterExtension
  static final Site site = Site.withSample(Map.of("PAPERBOY_LOGIN_LINKS_PER_CLIENT", "1000"));

  private static List<String> paperIds(int n) {
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM papers ORDER BY id LIMIT " + n)
                    .mapTo(String.class)
                    .list());
  }

  @Test
  void a_signed_in_reader_saves_a_paper_sees_it_at_once_and_on_saved_and_can_unsave_it()
      throws Exception {
    String id = paperIds(1).get(0);
    String title = site.app().papers().find(id).orElseThrow().title();
    Site.Client c = site.client();
    c.signIn("saver@example.org");
    long account = account("saver@example.org");
    String page = "/papers/" + id;
    // Asked twice so that the page's shared part is surely kept before the save.
    c.get(page);
    assertThat(c.get(page).body()).contains("action=\"/save\"").contains(">Save</button>");
    assertThat(c.get("/saved").body()).contains("Nothing saved yet");

    HttpResponse<String> saved = c.post("/save", Map.of("id", id, "action", "save", "next", page));
    c.post("/save", Map.of("id", id, "action", "save", "next", page)); // twice is still one save

    assertThat(saved.statusCode()).isEqualTo(303);
    assertThat(saved.headers().firstValue("location")).hasValue(page);
    assertThat(site.app().saved().list(account, 10)).containsExactly(id);
    assertThat(c.get(page).body()).contains(">Saved</button>").contains("aria-pressed=\"true\"");
    assertThat(c.get("/saved").body()).contains("1 paper,").contains(Html.escape(title));
    // Another reader's buttons on the same kept page are their own.
    Site.Client other = site.client();
    other.signIn("not-a-saver@example.org");
    assertThat(other.get(page).body()).contains(">Save</button>").doesNotContain(">Saved</button>");

    c.post("/save", Map.of("id", id, "action", "remove", "next", "/saved"));
    assertThat(site.app().saved().list(account, 10)).isEmpty();
    assertThat(c.get("/saved").body()).contains("Nothing saved yet");
    assertThat(c.get(page).body()).contains(">Save</button>");
  }

  @Test
  void saving_needs_the_csrf_token_a_session_and_a_known_paper() throws Exception {
    String id = paperIds(1).get(0);
    Site.Client c = site.client();
    c.signIn("careful-saver@example.org");
    long account = account("careful-saver@example.org");

    assertThat(c.postRaw("/save", Map.of("id", id)).statusCode()).isEqualTo(403);
    assertThat(
            c.postRaw("/save", Map.of("id", id, "csrf", "forged-token-forged-token")).statusCode())
        .isEqualTo(403);
    assertThat(site.app().saved().list(account, 10)).isEmpty();
    assertThat(c.post("/save", Map.of("id", "2999.99999")).statusCode()).isEqualTo(404);
    Site.Client anonymous = site.client();
    assertThat(anonymous.post("/save", Map.of("id", id)).statusCode()).isEqualTo(403);
    HttpResponse<String> list = anonymous.get("/saved");
    assertThat(list.statusCode()).isEqualTo(303);
    assertThat(list.headers().firstValue("location")).hasValue("/login?next=%2Fsaved");
    assertThat(anonymous.get("/papers/" + id).body()).doesNotContain("action=\"/save\"");
  }

  @Test
  void a_digest_link_records_one_click_and_redirects_to_the_paper_and_a_forged_one_is_a_400() {
    String alert =
        site.app().papers().find(paperIds(1).get(0)).orElseThrow().title().split("\\s+")[0];
    site.app()
        .digests()
        .subscribe(
            SubscriptionForm.parse("clicker@example.org", List.of(alert), true, "00:00", "UTC", 5),
            true);
    site.app().digests().run(LocalDate.now(ZoneOffset.UTC), false);
    String text =
        site.app()
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "SELECT d.body_text FROM digests d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.email = 'clicker@example.org'")
                        .mapTo(String.class)
                        .one());
    Matcher m =
        Pattern.compile("https?://[^/\\s]+(/d/c\\?s=(\\d+)&p=([^&\\s]+)&k=([\\w-]+))")
            .matcher(text);
    assertThat(m.find()).as("a click link in:\n" + text).isTrue();
    String link = m.group(1),
        paper = java.net.URLDecoder.decode(m.group(3), java.nio.charset.StandardCharsets.UTF_8);
    Site.Client c = site.client();

    HttpResponse<String> first = c.get(link);
    HttpResponse<String> again = c.get(link);

    assertThat(first.statusCode()).isEqualTo(303);
    assertThat(first.headers().firstValue("location")).hasValue("/papers/" + paper);
    assertThat(again.statusCode()).isEqualTo(303);
    assertThat(clicks(m.group(2), paper)).isEqualTo(1);

    String forged = link.substring(0, link.lastIndexOf("&k=")) + "&k=" + "A".repeat(43);
    String elsewhere =
        "/d/c?s=" + m.group(2) + "&p=" + Site.enc("//evil.example/x") + "&k=" + m.group(4);
    String otherReader =
        "/d/c?s=" + (Long.parseLong(m.group(2)) + 1) + "&p=" + m.group(3) + "&k=" + m.group(4);
    for (String bad :
        List.of(forged, elsewhere, otherReader, "/d/c?s=1", "/d/c?s=x&p=y&k=%25%25")) {
      HttpResponse<String> r = c.get(bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(400);
      assertThat(r.headers().firstValue("location")).as(bad).isEmpty();
      assertThat(r.body()).contains("not valid");
    }
    assertThat(clicks(m.group(2), "//evil.example/x")).isZero();

    // An unsubscribed reader's old digest still opens the paper; nothing of theirs is kept.
    site.app().digests().remove("clicker@example.org");
    HttpResponse<String> gone = c.get(link);
    assertThat(gone.statusCode()).isEqualTo(303);
    assertThat(gone.headers().firstValue("location")).hasValue("/papers/" + paper);
    assertThat(clicks(m.group(2), paper)).isZero();
  }

  private static long account(String email) {
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("SELECT id FROM accounts WHERE email = :e")
                    .bind("e", email)
                    .mapTo(Long.class)
                    .one());
  }

  private static int clicks(String subscription, String paper) {
    return site.app()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "SELECT COUNT(*) FROM digest_clicks WHERE subscription_id = :s AND paper_id = :p")
                    .bind("s", Long.parseLong(subscription))
                    .bind("p", paper)
                    .mapTo(Integer.class)
                    .one());
  }
}
