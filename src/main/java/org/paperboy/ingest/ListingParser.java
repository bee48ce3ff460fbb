package org.paperboy.ingest;

import java.io.InputStream;

/** Placeholder until the parser lands. */
final class ListingParser implements FeedParser {
  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) {
    throw new UnsupportedOperationException("ListingParser is not written yet");
  }
}
