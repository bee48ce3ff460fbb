package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.digest.SubscriptionForm;
import org.paperboy.testing.ExternalTool;

/**
 * Every feed as Python's feedparser (the library most feed readers and scripts use) reads it: well
 * formed (not "bozo"), Atom 1.0, entries with a title, a link and a date, and fetched again
 * conditionally with the ETag and Last-Modified it got: 304 (issue 14, "Feeds"). Skips where
 * Debian's {@code python3-feedparser} is absent.
 */
class FeedparserTest {
  @RegisterExtension static final Site site = Site.withSample();
  private static final Pattern ALERTS = Pattern.compile("href=\"(/feeds/alerts/[^\"]+\\.atom)\"");

  private static final String SCRIPT =
      """
      import feedparser, sys
      d = feedparser.parse(sys.argv[1])
      print("bozo", d.bozo, d.get("bozo_exception"))
      print("version", d.version)
      print("status", d.get("status"))
      print("entries", len(d.entries))
      print("complete", all(e.get("title") and e.get("link") and e.get("updated") for e in d.entries))
      again = feedparser.parse(sys.argv[1], etag=d.get("etag"), modified=d.get("modified"))
      print("again", again.get("status"))
      """;

  @Test
  void feedparser_reads_every_feed_cleanly_and_fetches_it_again_conditionally() throws Exception {
    ExternalTool.assumePythonModule("feedparser", "python3-feedparser");
    site.app()
        .digests()
        .subscribe(
            SubscriptionForm.parse("feeds@example.org", List.of("language"), true, null, null, 10),
            true);
    Site.Client reader = site.client();
    reader.signIn("feeds@example.org");
    Matcher alerts = ALERTS.matcher(reader.get("/trending").body());
    assertThat(alerts.find()).as("the reader's alert feed is linked").isTrue();

    for (String feed : List.of("/feed.atom", "/trending.atom", alerts.group(1))) {
      ExternalTool.Run r =
          ExternalTool.run(
              List.of(ExternalTool.PYTHON.toString(), "-c", SCRIPT, site.url(feed)), "");

      assertThat(r.exitCode()).as(feed + ": " + r.err()).isZero();
      assertThat(r.out())
          .as(feed)
          .contains("bozo False", "version atom10", "status 200", "complete True", "again 304")
          .doesNotContain("entries 0");
    }
  }
}
