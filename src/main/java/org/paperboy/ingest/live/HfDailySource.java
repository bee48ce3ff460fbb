package org.paperboy.ingest.live;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import org.paperboy.ingest.RecordSink;
import org.paperboy.ingest.formats.Format;

/** The papers Hugging Face featured on one day ({@code hf:2026-06-12}), with their upvotes. */
final class HfDailySource implements LiveSource {
  private final LocalDate date;
  private final LiveConfig config;
  private final Http http;

  HfDailySource(LocalDate date, LiveConfig config, Http http) {
    this.date = date;
    this.config = config;
    this.http = http;
  }

  @Override
  public String name() {
    return "hf:" + date;
  }

  @Override
  public void fetch(RecordSink sink) throws IOException {
    URI uri = QueryUrl.on(config.hfUrl()).with("date", date).toUri();
    // Not arXiv: one request, no politeness gap asked for.
    byte[] json = http.get(uri, Duration.ZERO);
    Format.HF_DAILY.parse(json, uri.toString(), sink);
  }
}
