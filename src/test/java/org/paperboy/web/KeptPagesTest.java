package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.paper.Paper;

/**
 * Pages keep their shared part between requests (see {@link Kept}); a vote or an ingest must still
 * show on the very next request, and the per-visitor parts must never be shared.
 */
class KeptPagesTest {
  @RegisterExtension static final Site site = Site.withSample();

  /** The vote count a list page shows for one paper. */
  private static int listed(String body, String id) {
    Matcher m =
        Pattern.compile(
                "data-votes>(\\d+)</span></div><h2 class=\"title\"><a href=\"/papers/"
                    + Pattern.quote(id)
                    + "\"")
            .matcher(body);
    assertThat(m.find()).as("%s is listed", id).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static int onPaperPage(String body) {
    Matcher m = Pattern.compile("class=\"paper-page\">.*?data-votes>(\\d+)<").matcher(body);
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static String firstListed(String body) {
    Matcher m = Pattern.compile("<h2 class=\"title\"><a href=\"/papers/([^\"]+)\"").matcher(body);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void a_vote_shows_on_the_next_request_of_every_page() throws Exception {
    Site.Client anonymous = site.client();
    String front = anonymous.get("/").body();
    String id = firstListed(front);
    String title = site.app().papers().find(id).orElseThrow().title();
    String search = "/search?q=" + Site.enc(title);
    String paper = "/papers/" + id;
    // Asked twice so that each page is surely kept before the vote.
    for (int i = 0; i < 2; i++) {
      anonymous.get("/");
      anonymous.get(search);
      anonymous.get(paper);
      anonymous.get("/api/daily");
      anonymous.get("/trending?window=week");
    }
    int before = listed(front, id);
    assertThat(listed(anonymous.get(search).body(), id)).isEqualTo(before);

    Site.Client voter = site.client();
    voter.signIn("kept-voter@example.org");
    voter.post("/vote", Map.of("id", id, "action", "up", "next", "/"));

    assertThat(listed(anonymous.get("/").body(), id)).isEqualTo(before + 1);
    assertThat(listed(anonymous.get(search).body(), id)).isEqualTo(before + 1);
    assertThat(onPaperPage(anonymous.get(paper).body())).isEqualTo(before + 1);
    assertThat(anonymous.get("/api/daily").body())
        .containsPattern("\"id\":\"" + Pattern.quote(id) + "\".*?\"votes\":" + (before + 1));
    // A fresh local upvote puts the paper on the trending list.
    assertThat(listed(anonymous.get("/trending?window=week").body(), id)).isEqualTo(before + 1);

    voter.post("/vote", Map.of("id", id, "action", "remove", "next", "/"));
    assertThat(listed(anonymous.get("/").body(), id)).isEqualTo(before);
    assertThat(onPaperPage(anonymous.get(paper).body())).isEqualTo(before);
  }

  @Test
  void kept_pages_still_show_each_visitor_their_own_buttons_and_token() throws Exception {
    String id = firstListed(site.client().get("/").body());
    Site.Client voter = site.client();
    voter.signIn("own-buttons@example.org");
    voter.post("/vote", Map.of("id", id, "action", "up", "next", "/"));
    Site.Client other = site.client();
    other.signIn("other-reader@example.org");
    Site.Client anonymous = site.client();

    for (String path : List.of("/", "/papers/" + id, "/trending?window=week")) {
      String mine = voter.get(path).body();
      String theirs = other.get(path).body();
      String nobody = anonymous.get(path).body();
      assertThat(mine).contains("own-buttons@example.org").contains("Remove my upvote");
      assertThat(mine).contains("value=\"" + voter.csrf() + "\"");
      assertThat(theirs)
          .contains("other-reader@example.org")
          .doesNotContain("own-buttons@example.org")
          .doesNotContain("Remove my upvote")
          .doesNotContain(voter.csrf())
          .contains("value=\"" + other.csrf() + "\"");
      assertThat(nobody)
          .contains("Sign in to upvote")
          .doesNotContain("Remove my upvote")
          .doesNotContain("aria-label=\"Upvote\"");
    }
    voter.post("/vote", Map.of("id", id, "action", "remove", "next", "/"));
  }

  @Test
  void an_ingest_shows_on_the_next_request() {
    Site.Client c = site.client();
    String word = "quokkaphysics";
    for (int i = 0; i < 2; i++) {
      c.get("/");
      c.get("/search?q=" + word);
      c.get("/api/search?q=" + word);
      c.get("/papers/2606.13392");
    }
    assertThat(c.get("/search?q=" + word).body()).contains("No paper matches");
    String oldTitle = site.app().papers().find("2606.13392").orElseThrow().title();

    site.app()
        .ingest()
        .run(
            "kept-test",
            sink -> {
              sink.accept(
                  Paper.builder()
                      .id("2606.99901")
                      .title("The " + word + " of marsupials")
                      .abstractText("Marsupial " + word + " on a newer day than the sample's.")
                      .authors(List.of("Ada Kept"))
                      .categories(List.of("q-bio.PE"))
                      .published(LocalDate.of(2026, 6, 12)),
                  1);
            },
            n -> {});

    assertThat(c.get("/").body())
        .contains("Papers of Friday 12 June 2026")
        .contains("The " + word + " of marsupials");
    assertThat(c.get("/search?q=" + word).body()).contains("/papers/2606.99901");
    assertThat(c.get("/api/search?q=" + word).body()).contains("\"id\":\"2606.99901\"");
    assertThat(c.get("/papers/2606.13392").body()).contains(Html.escape(oldTitle));
    assertThat(c.get("/papers/2606.99901").body()).contains("The " + word + " of marsupials");
  }
}
