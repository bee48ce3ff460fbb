package org.paperboy.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;

/** Today's announcements of some arXiv categories from rss.arxiv.org ({@code rss:cs.AI+cs.CL}). */
final class ArxivRssSource implements LiveSource {
  private final List<String> categories;
  private final LiveConfig config;
  private final Http http;

  ArxivRssSource(List<String> categories, LiveConfig config, Http http) {
    this.categories = List.copyOf(categories);
    this.config = config;
    this.http = http;
  }

  @Override
  public String name() {
    return "rss:" + String.join("+", categories);
  }

  @Override
  public void fetch(RecordSink sink) throws IOException {
    String base = config.rssUrl().toString();
    URI uri = URI.create((base.endsWith("/") ? base : base + "/") + String.join("+", categories));
    byte[] feed = http.get(uri, config.arxivDelay(), Http.endsWithClosingTag("rss"));
    Format.ARXIV_RSS.parse(feed, uri.toString(), sink);
  }
}
