package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.paperboy.BadInputException;
import org.paperboy.ingest.live.ReplayServer.Reply;
import org.paperboy.ingest.live.ReplayServer.Request;

/** The arXiv API client against the recorded windows of one real search for "testing". */
class ArxivApiSourceTest {
  private final FakeTime time = new FakeTime();
  private ReplayServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private LiveSource source(
      String query, int pageSize, int maxResults, Function<Request, Reply> script)
      throws IOException {
    server = ReplayServer.start(time, script);
    LiveConfig config =
        LiveConfigs.from(
                LiveConfigs.local(
                    server.uri("/api/query"),
                    server.uri("/oai"),
                    server.uri("/rss/"),
                    server.uri("/hf")))
            .apiPaging(pageSize, maxResults)
            .build();
    return LiveSources.parse("api:" + query, config, null, time.http(config));
  }

  /** The recorded window for the request, or an empty feed past the last recorded one. */
  private static Reply recordedWindow(Request r) {
    byte[] window = Fixtures.arxivTestingWindow(r.param("start"), r.param("max_results"));
    return Reply.ok(
        window != null
            ? window
            : Fixtures.bytes("arxiv-api/id_0000.0000_s0_m100_8b51d9633a68.xml"));
  }

  private static List<String> windows(List<Request> requests) {
    return requests.stream().map(r -> r.param("start") + "+" + r.param("max_results")).toList();
  }

  @Test
  void pages_with_start_and_max_results_up_to_the_cap() throws IOException {
    LiveSource source = source("all:testing", 10, 60, ArxivApiSourceTest::recordedWindow);
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(windows(server.requests()))
        .containsExactly("0+10", "10+10", "20+10", "30+10", "40+10", "50+10");
    assertThat(server.requests())
        .allSatisfy(
            r -> {
              assertThat(r.path()).isEqualTo("/api/query");
              assertThat(r.param("search_query")).isEqualTo("all:testing");
              assertThat(r.param("sortBy")).isEqualTo("submittedDate");
              assertThat(r.param("sortOrder")).isEqualTo("descending");
            });
    assertThat(sink.papers).hasSize(60);
    assertThat(sink.ids()).doesNotHaveDuplicates();
    assertThat(sink.pages).extracting(p -> p.totalResults()).containsOnly(214881L);
  }

  @Test
  void keeps_three_seconds_between_arxiv_requests() throws IOException {
    LiveSource source = source("all:testing", 10, 30, ArxivApiSourceTest::recordedWindow);

    source.fetch(new RecordingSink());

    List<Request> requests = server.requests();
    assertThat(requests).hasSize(3);
    for (int i = 1; i < requests.size(); i++) {
      assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  @Test
  void stops_at_the_first_empty_page() throws IOException {
    LiveSource source = source("all:testing", 10, 1000, ArxivApiSourceTest::recordedWindow);
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(windows(server.requests()))
        .containsExactly("0+10", "10+10", "20+10", "30+10", "40+10", "50+10", "60+10");
    assertThat(sink.papers).hasSize(60);
  }

  @Test
  void stops_once_total_results_are_fetched() throws IOException {
    LiveSource source =
        source(
            "id:1605.08386",
            100,
            1000,
            r -> Reply.ok(Fixtures.bytes("arxiv-api/id_1605.08386_s0_m100_199195aa31ad.xml")));
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(server.requests()).hasSize(1);
    assertThat(sink.papers).hasSize(1);
  }

  @Test
  void retries_a_window_that_failed_then_goes_on() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    LiveSource source =
        source(
            "all:testing",
            10,
            20,
            r ->
                calls.incrementAndGet() == 2
                    ? Reply.status(503, "busy", "Retry-After", "5")
                    : recordedWindow(r));
    RecordingSink sink = new RecordingSink();

    source.fetch(sink);

    assertThat(windows(server.requests())).containsExactly("0+10", "10+10", "10+10");
    assertThat(sink.papers).hasSize(20);
    // 3 s of politeness before the second request; the 5 s Retry-After already covers the third
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(5));
  }

  @Test
  void a_400_error_feed_is_bad_input_quoting_arxiv() throws IOException {
    LiveSource source =
        source(
            "id:abc",
            100,
            1000,
            r ->
                new Reply(
                    400,
                    Map.of(),
                    Fixtures.bytes("arxiv-api/id_abc_s0_m100_b79c8dcf6bc3.xml"),
                    false));

    assertThatThrownBy(() -> source.fetch(new RecordingSink()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("the arXiv API rejected the search 'id:abc': ")
        .hasMessageContaining("incorrect id format for abc");
    assertThat(server.requests()).hasSize(1);
  }
}
