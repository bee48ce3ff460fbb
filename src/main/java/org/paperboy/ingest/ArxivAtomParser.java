package org.paperboy.ingest;

import java.io.InputStream;

/** Placeholder until the parser lands. */
final class ArxivAtomParser implements FeedParser {
  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) {
    throw new UnsupportedOperationException("ArxivAtomParser is not written yet");
  }
}
