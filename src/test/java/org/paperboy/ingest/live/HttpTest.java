package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.PaperboyException;
import org.paperboy.app.Config;
import org.paperboy.ingest.live.ReplayServer.Reply;

class HttpTest {
  @TempDir Path dir;

  private final FakeTime time = new FakeTime();
  private ReplayServer server;

  @AfterEach
  void stopServer() {
    if (server != null) {
      server.close();
    }
  }

  private void serve(Reply... replies) throws IOException {
    Deque<Reply> script = new ArrayDeque<>(List.of(replies));
    server = ReplayServer.start(time, r -> script.size() > 1 ? script.poll() : script.peek());
  }

  private static LiveConfig config() {
    return LiveConfigs.from(LiveConfig.defaults())
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
        .build();
  }

  private static String text(byte[] body) {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Test
  void sends_the_configured_user_agent() throws IOException {
    serve(Reply.ok("hello".getBytes(StandardCharsets.UTF_8)));
    LiveConfig config =
        LiveConfigs.from(
                Config.from(
                        dir,
                        Map.of("PAPERBOY_USER_AGENT", "paperboy-test/1 (mailto:lab@example.org)"))
                    .live())
            .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .build();

    byte[] body = time.http(config).get(server.uri("/x"), Duration.ZERO);

    assertThat(text(body)).isEqualTo("hello");
    assertThat(server.requests())
        .singleElement()
        .extracting(ReplayServer.Request::userAgent)
        .isEqualTo("paperboy-test/1 (mailto:lab@example.org)");
  }

  @Test
  void waits_as_long_as_a_recorded_503_retry_after_asks_then_reads_the_200() throws IOException {
    List<Reply> recorded =
        Fixtures.oaiRecording("oaipmh-listrecords---should-list-identifiers-from-arxiv.json");
    assertThat(recorded).extracting(Reply::status).containsExactly(503, 200);
    serve(recorded.toArray(Reply[]::new));

    byte[] body = time.http(config()).get(server.uri("/oai"), Duration.ZERO);

    assertThat(text(body)).contains("<ListRecords>");
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(10));
    assertThat(server.requests()).hasSize(2);
  }

  @Test
  void honours_a_retry_after_given_as_an_http_date_on_429() throws IOException {
    String inSevenSeconds =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(
            time.instant().plusSeconds(7).atOffset(ZoneOffset.UTC));
    serve(
        Reply.status(429, "slow down", "Retry-After", inSevenSeconds), Reply.ok(new byte[] {'k'}));

    time.http(config()).get(server.uri("/x"), Duration.ZERO);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void backs_off_exponentially_with_jitter_on_5xx_then_succeeds() throws IOException {
    serve(
        Reply.status(500, "oops"),
        Reply.status(502, "bad gateway"),
        Reply.status(504, ""),
        Reply.ok("done".getBytes(StandardCharsets.UTF_8)));

    byte[] body = time.http(config()).get(server.uri("/x"), Duration.ZERO);

    assertThat(text(body)).isEqualTo("done");
    List<Duration> sleeps = time.sleeps();
    assertThat(sleeps).hasSize(3);
    // initial backoff 2 s doubling: 2, 4, 8 s, each plus at most 25% jitter
    assertThat(sleeps.get(0)).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2500));
    assertThat(sleeps.get(1)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(5));
    assertThat(sleeps.get(2)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
  }

  @Test
  void gives_up_after_max_retries_naming_the_url_and_the_last_status() throws IOException {
    serve(Reply.status(503, "down for maintenance"));
    URI uri = server.uri("/oai?verb=ListRecords");

    assertThatThrownBy(() -> time.http(config()).get(uri, Duration.ZERO))
        .isInstanceOf(PaperboyException.class)
        .hasMessage("gave up on " + uri + " after 5 attempts; last: HTTP 503");
    assertThat(server.requests()).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void does_not_retry_a_404_and_says_what_the_server_said() throws IOException {
    serve(Reply.status(404, "<html><body>No such feed</body></html>"));
    URI uri = server.uri("/rss/nope");

    assertThatThrownBy(() -> time.http(config()).get(uri, Duration.ZERO))
        .isInstanceOfSatisfying(
            HttpStatusException.class, e -> assertThat(e.status()).isEqualTo(404))
        .hasMessage("HTTP 404 from " + uri + ": No such feed");
    assertThat(server.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void refuses_to_wait_longer_than_max_wait_for_a_retry_after() throws IOException {
    serve(Reply.status(503, "", "Retry-After", "86400"));
    URI uri = server.uri("/x");

    assertThatThrownBy(() -> time.http(config()).get(uri, Duration.ZERO))
        .isInstanceOf(PaperboyException.class)
        .hasMessageContaining("asked to retry after 86400")
        .hasMessageContaining("longer than the 300 s paperboy waits");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void retries_a_refused_connection_and_gives_up_with_the_cause() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    URI uri = URI.create("http://127.0.0.1:" + closedPort + "/x");

    assertThatThrownBy(
            () ->
                time.http(
                        LiveConfigs.from(config())
                            .retries(2, Duration.ofSeconds(1), Duration.ofSeconds(30))
                            .build())
                    .get(uri, Duration.ZERO))
        .isInstanceOf(PaperboyException.class)
        .hasMessageStartingWith("gave up on " + uri + " after 3 attempts; last: ConnectException")
        .hasCauseInstanceOf(java.net.ConnectException.class);
    assertThat(time.sleeps()).hasSize(2);
  }

  @Test
  void retries_a_response_that_does_not_arrive_in_time() throws Exception {
    Deque<Boolean> slow = new ArrayDeque<>(List.of(true));
    // The first answer waits for the end of the test: the client's 300 ms read timeout must fire.
    CountDownLatch testOver = new CountDownLatch(1);
    server =
        ReplayServer.start(
            time,
            r -> {
              if (slow.poll() != null) {
                awaitQuietly(testOver);
              }
              return Reply.ok("late but here".getBytes(StandardCharsets.UTF_8));
            });
    LiveConfig config =
        LiveConfigs.from(LiveConfig.defaults())
            .timeouts(Duration.ofSeconds(2), Duration.ofMillis(300))
            .build();

    try {
      byte[] body = time.http(config).get(server.uri("/x"), Duration.ZERO);

      assertThat(text(body)).isEqualTo("late but here");
      assertThat(server.requests()).hasSize(2);
      assertThat(time.sleeps()).hasSize(1);
    } finally {
      testOver.countDown();
    }
  }

  @Test
  void spaces_requests_by_the_gap_counted_from_the_previous_start() throws IOException {
    serve(Reply.ok(new byte[] {'k'}));
    Http http = time.http(config());

    for (int i = 0; i < 3; i++) {
      http.get(server.uri("/x"), Duration.ofSeconds(3));
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(3));
    List<ReplayServer.Request> requests = server.requests();
    for (int i = 1; i < requests.size(); i++) {
      assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
          .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }
  }

  @Test
  void a_backoff_longer_than_the_gap_needs_no_extra_politeness_wait() throws IOException {
    serve(Reply.status(503, "", "Retry-After", "5"), Reply.ok(new byte[] {'k'}));

    time.http(config()).get(server.uri("/x"), Duration.ofSeconds(3));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void reads_a_gzip_encoded_body() throws IOException {
    serve(Reply.ok("compressed feed".getBytes(StandardCharsets.UTF_8)).gzipped());

    assertThat(text(time.http(config()).get(server.uri("/x"), Duration.ZERO)))
        .isEqualTo("compressed feed");
  }

  @Test
  void fetches_again_a_body_that_arrived_incomplete() throws IOException {
    byte[] page = Fixtures.bytes("oai-pmh/sample_arxiv_response_listrecords_cs.xml");
    serve(Reply.ok(Arrays.copyOf(page, page.length / 2)), Reply.ok(page));

    byte[] body =
        time.http(config())
            .get(server.uri("/oai"), Duration.ZERO, Http.endsWithClosingTag("OAI-PMH"));

    assertThat(body).isEqualTo(page);
    assertThat(server.requests()).hasSize(2);
    assertThat(time.sleeps()).hasSize(1);
  }

  @Test
  void a_whole_xml_document_ends_with_its_root_closing_tag_in_any_namespace() {
    var whole = Http.endsWithClosingTag("OAI-PMH", "error");
    assertThat(whole.test(Fixtures.bytes("oai-pmh/sample_arxiv_response_listrecords_cs.xml")))
        .isTrue();
    assertThat(whole.test("<oai:OAI-PMH></oai:OAI-PMH>\n\n".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(whole.test("<error code=\"x\">no</error>".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(whole.test("<OAI-PMH><ListRecords><record>".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
    assertThat(whole.test(new byte[0])).isFalse();
  }

  /** Waits for the latch; the bound only keeps a broken test from hanging the build. */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
