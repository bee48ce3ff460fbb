package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperboy.ingest.live.ReplayServer.Reply;
import org.paperboy.ingest.live.ReplayServer.Request;

/** The single-request sources: arXiv RSS and Hugging Face daily papers. */
class FeedSourcesTest {
  private final FakeTime time = new FakeTime();
  private ReplayServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private LiveSource source(String spec, Function<Request, Reply> script) throws IOException {
    server = ReplayServer.start(time, script);
    LiveConfig config =
        LiveConfigs.local(
            server.uri("/api"),
            server.uri("/oai"),
            server.uri("/rss"),
            server.uri("/api/daily_papers"));
    return LiveSources.parse(spec, config, null, time.http(config));
  }

  @Test
  void fetches_arxiv_rss_for_the_joined_categories() throws IOException {
    LiveSource source =
        source("rss:cs.AI+cs.CL", r -> Reply.ok(Fixtures.bytes("rss/arxiv_cs_ai.xml")));
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/rss/cs.AI+cs.CL");
              assertThat(r.userAgent()).startsWith("paperboy/0.1");
            });
    assertThat(sink.papers).hasSize(3);
  }

  @Test
  void fetches_hugging_face_daily_papers_of_the_given_day() throws IOException {
    LiveSource source =
        source(
            "hf:2026-06-12",
            r -> Reply.ok(Fixtures.bytes("hf-daily/daily_papers_2026-06-12.json")).gzipped());
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(server.requests())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.path()).isEqualTo("/api/daily_papers");
              assertThat(r.param("date")).isEqualTo("2026-06-12");
            });
    assertThat(sink.papers).hasSize(30);
    assertThat(time.sleeps()).isEmpty();
  }
}
