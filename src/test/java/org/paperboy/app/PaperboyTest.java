package org.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.BadInputException;
import org.paperboy.search.SearchMode;
import org.paperboy.search.SearchRequest;

/** The whole app: a start that fails half way, and serving. */
class PaperboyTest {
  private static final Map<String, String> LEXICAL = Map.of("PAPERBOY_EMBEDDINGS", "off");

  @TempDir Path dir;

  @Test
  void a_start_that_fails_half_way_closes_what_it_opened() {
    // The SMTP mailer is made after the store and the search index: its junk From address fails
    // the start with both open.
    Map<String, String> env =
        Map.of(
            "PAPERBOY_EMBEDDINGS", "off",
            "PAPERBOY_SMTP_URL", "smtp://127.0.0.1:2525",
            "PAPERBOY_MAIL_FROM", "<<not an address>>");
    assertThatThrownBy(() -> Paperboy.open(Config.from(dir, env)))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("not an address");

    // Had the index stayed open, its write lock would make this app search read-only.
    try (Paperboy app = Paperboy.open(Config.from(dir, LEXICAL))) {
      SampleCorpus.loadIfEmpty(app);
      assertThat(
              app.search()
                  .search(new SearchRequest("attention", SearchMode.LEXICAL, 10, null, null, null))
                  .hits())
          .isNotEmpty();
    }
  }

  @Test
  void the_clock_handed_in_is_the_apps() {
    Clock fixed = Clock.fixed(Instant.parse("2026-06-12T08:00:00Z"), ZoneOffset.UTC);
    try (Paperboy app = Paperboy.open(Config.from(dir, LEXICAL), fixed)) {
      assertThat(app.clock()).isSameAs(fixed);
    }
  }

  @Test
  void serving_answers_until_closed() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    try (Paperboy app = Paperboy.open(Config.from(dir, LEXICAL))) {
      Serving serving = app.serve("127.0.0.1", 0);
      URI health = URI.create("http://127.0.0.1:" + serving.port() + "/health");
      HttpResponse<String> ok =
          http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);

      serving.close();
      serving.await(); // returns at once once closed
      assertThatThrownBy(
              () ->
                  http.send(
                      HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(IOException.class);
    }
  }
}
