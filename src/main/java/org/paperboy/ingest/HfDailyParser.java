package org.paperboy.ingest;

import java.io.InputStream;

/** Placeholder until the parser lands. */
final class HfDailyParser implements FeedParser {
  @Override
  public void parse(InputStream in, String sourceName, RecordSink sink) {
    throw new UnsupportedOperationException("HfDailyParser is not written yet");
  }
}
