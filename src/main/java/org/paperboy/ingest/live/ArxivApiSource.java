package org.paperboy.ingest.live;

import java.io.IOException;
import java.net.URI;
import org.paperboy.BadInputException;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;
import org.paperboy.paper.Paper;

/**
 * An arXiv API search ({@code api:QUERY}), newest submissions first, paged with start/max_results
 * until arXiv's totalResults, an empty page or the configured cap.
 */
final class ArxivApiSource implements LiveSource {
  // The records of an error feed are of no interest: only the error it throws is.
  private static final RecordSink IGNORE =
      new RecordSink() {
        @Override
        public void accept(Paper.Builder paper, long line) {}

        @Override
        public void reject(long line, String reason) {}
      };

  private final String query;
  private final LiveConfig config;
  private final Http http;

  ArxivApiSource(String query, LiveConfig config, Http http) {
    this.query = query;
    this.config = config;
    this.http = http;
  }

  @Override
  public String name() {
    return "api:" + query;
  }

  @Override
  public void fetch(RecordSink sink) throws IOException {
    long start = 0;
    while (start < config.apiMaxResults()) {
      int size = (int) Math.min(config.apiPageSize(), config.apiMaxResults() - start);
      URI uri = pageUri(start, size);
      PageTally tally = new PageTally(sink, uri);
      Format.ARXIV_ATOM.parse(get(uri), uri.toString(), tally);
      PageInfo info = tally.info();
      // Advance by what arrived, not by what was asked: arXiv sometimes sends a short page in the
      // middle of a result, and asking from the real offset neither skips nor repeats records.
      start += tally.records();
      if (tally.records() == 0
          || (info != null && info.totalResults() != null && start >= info.totalResults())) {
        return;
      }
    }
  }

  URI pageUri(long start, int size) {
    // Newest first: a feed wants the latest papers, and a fixed order keeps pages from overlapping.
    return QueryUrl.on(config.arxivApiUrl())
        .with("search_query", query)
        .with("start", start)
        .with("max_results", size)
        .with("sortBy", "submittedDate")
        .with("sortOrder", "descending")
        .toUri();
  }

  /** The page, or for HTTP 400 the error arXiv wrote into its error feed, as bad input. */
  private byte[] get(URI uri) throws IOException {
    try {
      return http.get(uri, config.arxivDelay(), Http.endsWithClosingTag("feed"));
    } catch (HttpStatusException e) {
      if (e.status() != 400) {
        throw e;
      }
      try {
        Format.ARXIV_ATOM.parse(e.body(), uri.toString(), IGNORE);
      } catch (BadInputException arxivSays) {
        throw new BadInputException(
            "the arXiv API rejected the search '" + query + "': " + arxivSays.getMessage(), e);
      }
      throw new BadInputException(
          "the arXiv API rejected the search '" + query + "' (" + e.getMessage() + ")", e);
    }
  }
}
