package org.paperboy.ingest.formats;

import java.io.IOException;
import java.io.InputStream;
import org.paperboy.ingest.RecordSink;

/**
 * Reads one feed format. Implementations stream: a file of a million records must not be held in
 * memory. A record that cannot be read is reported with {@link RecordSink#reject} and the rest of
 * the input is still read; only a feed that is unusable as a whole (the arXiv API's error feed, an
 * OAI-PMH error such as badArgument) throws {@link org.paperboy.BadInputException}, quoting the
 * feed's own message.
 */
public interface FeedParser {

  /**
   * Parses {@code in} completely. {@code sourceName} (a file name or URL) is only for messages; the
   * stream is not closed by the parser.
   */
  void parse(InputStream in, String sourceName, RecordSink sink) throws IOException;
}
