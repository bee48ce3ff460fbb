package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.digest.SubscriptionForm;
import org.paperboy.paper.Paper;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;

/** A reader's alerts as a feed at a secret URL, for feed readers without cookies (issue 14, 18). */
class AlertFeedTest {
  @RegisterExtension static final Site site = Site.withSample();
  private static final Pattern LINK = Pattern.compile("href=\"(/feeds/alerts/[^\"]+\\.atom)\"");
  private static final Pattern PUBLISHED = Pattern.compile("<published>([^<]+)</published>");

  /** The feed as a feed reader fetches it: no cookies at all. */
  private static HttpResponse<String> fetch(String path, String ifNoneMatch) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(site.url(path))).GET();
    if (ifNoneMatch != null) r.header("If-None-Match", ifNoneMatch);
    return HttpClient.newHttpClient().send(r.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void a_signed_in_reader_gets_a_feed_of_the_papers_their_alerts_match() throws Exception {
    site.app()
        .digests()
        .subscribe(
            SubscriptionForm.parse("feed@example.org", List.of("language"), true, null, null, 10),
            true);
    Site.Client reader = site.client();
    reader.signIn("feed@example.org");
    String page = reader.get("/trending").body();
    Matcher link = LINK.matcher(page);
    assertThat(link.find()).as("the footer links the reader's feed").isTrue();
    assertThat(site.client().get("/trending").body()).doesNotContain("/feeds/alerts/");

    site.app().search().catchUp();
    String matching =
        site.app()
            .search()
            .search(new SearchRequest("language", SearchMode.LEXICAL, 1, null, null, null))
            .hits()
            .get(0)
            .id();
    Paper other =
        site.app().papers().latest(500).stream()
            .filter(
                p ->
                    !(p.title() + " " + p.abstractText())
                        .toLowerCase(Locale.ROOT)
                        .contains("languag"))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> feed = fetch(link.group(1), null);
    assertThat(feed.statusCode()).isEqualTo(200);
    assertThat(feed.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/atom+xml"));
    assertThat(feed.headers().allValues("Set-Cookie")).isEmpty();
    assertThat(feed.body())
        .contains("<title>paperboy: your alerts</title>")
        .contains(PaperCards.paperPath(matching) + "</id>")
        .doesNotContain(PaperCards.paperPath(other.id()) + "</id>");
    List<String> published = PUBLISHED.matcher(feed.body()).results().map(r -> r.group(1)).toList();
    assertThat(published).isNotEmpty().isSortedAccordingTo((a, b) -> b.compareTo(a));

    String etag = feed.headers().firstValue("ETag").orElseThrow();
    assertThat(fetch(link.group(1), etag).statusCode()).isEqualTo(304);
  }

  @Test
  void a_wrong_or_made_up_token_is_404() throws Exception {
    Site.Client reader = site.client();
    reader.signIn("other@example.org");
    Matcher link = LINK.matcher(reader.get("/trending").body());
    assertThat(link.find()).isTrue();
    String real = link.group(1);
    String id = real.substring("/feeds/alerts/".length(), real.indexOf('.'));
    String forged = real.substring(0, real.length() - 6) + "x.atom";
    String otherId =
        "/feeds/alerts/" + (Long.parseLong(id) + 1) + real.substring(real.indexOf('.'));

    for (String path :
        List.of(forged, otherId, "/feeds/alerts/" + id + ".atom", "/feeds/alerts/x.y.atom")) {
      HttpResponse<String> r = fetch(path, null);
      assertThat(r.statusCode()).as(path).isEqualTo(404);
      assertThat(r.body()).doesNotContain("<feed");
    }
    assertThat(fetch(real, null).statusCode()).isEqualTo(200);
  }
}
