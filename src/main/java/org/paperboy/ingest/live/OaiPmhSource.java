package org.paperboy.ingest.live;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.paperboy.PaperboyException;
import org.paperboy.ingest.PageInfo;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;
import org.paperboy.store.StateRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An incremental OAI-PMH harvest of one arXiv set ({@code oai:SET}) in the {@code arXiv} metadata
 * format. The newest record datestamp seen is the high-water mark, kept under {@code oai:SET}; the
 * next harvest asks {@code from=} it. {@code from} is inclusive, so the last day is fetched again:
 * a few repeats, which the store absorbs, rather than a record missed.
 */
final class OaiPmhSource implements LiveSource {
  private static final Logger log = LoggerFactory.getLogger(OaiPmhSource.class);

  // The parser does not report header datestamps, so they are read from the page directly.
  private static final Pattern DATESTAMP =
      Pattern.compile("<(?:[\\w.-]+:)?datestamp>\\s*([^<\\s]+)\\s*</(?:[\\w.-]+:)?datestamp>");

  // A bare <error> is what arXiv sends for some failures; anything else must end its envelope.
  private static final Predicate<byte[]> WHOLE = Http.endsWithClosingTag("OAI-PMH", "error");

  private final String set;
  private final LiveConfig config;
  private final StateRepository state;
  private final Http http;
  private String harvestedUpTo;

  OaiPmhSource(String set, LiveConfig config, StateRepository state, Http http) {
    this.set = set;
    this.config = config;
    this.state = requireNonNull(state, "state");
    this.http = http;
  }

  @Override
  public String name() {
    return "oai:" + set;
  }

  private String stateKey() {
    return "oai:" + set;
  }

  @Override
  public void fetch(RecordSink sink) throws IOException {
    harvestedUpTo = null; // only a fetch that finishes may move the mark
    String from = state.get(stateKey()).orElse(null);
    String newest = from;
    Set<String> tokensSeen = new HashSet<>();
    int pages = 0;
    long records = 0;
    // No from= on the first harvest of a set: it takes everything the set holds.
    URI uri =
        QueryUrl.on(config.oaiUrl())
            .with("verb", "ListRecords")
            .with("metadataPrefix", "arXiv")
            .with("set", set)
            .with("from", from)
            .toUri();
    while (uri != null) {
      byte[] page = http.get(uri, config.arxivDelay(), WHOLE);
      newest = later(newest, newestDatestamp(page));
      PageTally tally = new PageTally(sink, uri);
      Format.OAI_PMH.parse(page, uri.toString(), tally);
      String token = token(tally.info());
      pages++;
      records += tally.records();
      // A first harvest of a big set runs for hours: say how far it got.
      log.info(
          "{}: page {}, {} records so far{}",
          name(),
          pages,
          records,
          tally.info() != null && tally.info().completeListSize() != null
              ? " of " + tally.info().completeListSize()
              : "");
      if (token == null) {
        uri = null;
      } else if (!tokensSeen.add(token)) {
        // A server handing back a token it already gave would keep us here forever.
        throw new PaperboyException(
            String.format(
                "the OAI-PMH server at %s repeated the resumptionToken '%s' while harvesting"
                    + " set %s; stopping",
                config.oaiUrl(), token, set));
      } else {
        // The token stands alone: OAI-PMH forbids repeating set or metadataPrefix beside it.
        uri =
            QueryUrl.on(config.oaiUrl())
                .with("verb", "ListRecords")
                .with("resumptionToken", token)
                .toUri();
      }
    }
    harvestedUpTo = newest;
  }

  /**
   * Saves the high-water mark of the last complete {@link #fetch}, now that its records are stored.
   */
  @Override
  public void completed() {
    if (harvestedUpTo != null) {
      state.put(stateKey(), harvestedUpTo);
      harvestedUpTo = null;
    }
  }

  /** The token to continue with, or null when the list is complete (no token, or an empty one). */
  private static String token(PageInfo info) {
    if (info == null || info.resumptionToken() == null || info.resumptionToken().isBlank()) {
      return null;
    }
    return info.resumptionToken().strip();
  }

  static String newestDatestamp(byte[] page) {
    Matcher m = DATESTAMP.matcher(new String(page, StandardCharsets.UTF_8));
    String newest = null;
    while (m.find()) {
      newest = later(newest, m.group(1));
    }
    return newest;
  }

  /**
   * ISO dates and datetimes order as text; of a date and a datetime of the same day, the datetime.
   */
  private static String later(String a, String b) {
    if (a == null) return b;
    if (b == null) return a;
    return a.compareTo(b) >= 0 ? a : b;
  }
}
