package org.paperboy.ingest;

import java.io.InputStream;

/** Placeholder until the parser lands. */
final class OaiPmhParser implements FeedParser {
  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) {
    throw new UnsupportedOperationException("OaiPmhParser is not written yet");
  }
}
