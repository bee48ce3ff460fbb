package org.paperboy.ingest;

import org.paperboy.ingest.formats.FeedParser;
import org.paperboy.paper.Paper;

/**
 * Where a {@link FeedParser} hands what it read. Parsers do not validate or normalise: they pass
 * the raw fields on and the ingest pipeline checks and cleans them in one place, so every format
 * obeys the same limits.
 */
public interface RecordSink {

  /**
   * One paper as the feed describes it. {@code line} is the 1-based line where the record starts in
   * the input (0 when unknown), used in reject messages.
   */
  void accept(Paper.Builder paper, long line);

  /** A record that could not be read at all (malformed XML, a bad JSON line, ...). */
  void reject(long line, String reason);

  /** Paging facts of a feed page (total results, resumption token); live clients use them. */
  default void page(PageInfo info) {}
}
