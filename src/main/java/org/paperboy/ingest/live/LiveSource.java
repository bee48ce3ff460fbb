package org.paperboy.ingest.live;

import java.io.IOException;
import org.paperboy.ingest.RecordSink;

/**
 * A feed fetched over HTTP rather than read from a file. Build one with {@link LiveSources#parse}.
 */
public interface LiveSource {

  /** The spec this source was built from ({@code api:cat:cs.CL}, {@code oai:cs}, ...). */
  String name();

  /**
   * Fetches every page and pushes the records to {@code sink}. Throws {@link
   * org.paperboy.BadInputException} when the server rejects the request as a whole (an arXiv API
   * error feed, an OAI-PMH error) and {@link org.paperboy.PaperboyException} when it cannot be
   * reached after the configured retries.
   */
  void fetch(RecordSink sink) throws IOException;

  /**
   * Called by the pipeline once everything {@link #fetch} delivered is stored. Incremental sources
   * move their high-water mark only here, so a run that dies between fetching and storing fetches
   * the same records again next time instead of skipping them.
   */
  default void completed() {}
}
