package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;
import org.paperboy.app.Paperboy;
import org.paperboy.app.SampleCorpus;
import org.paperboy.paper.Paper;

/** The real HTTP server on a random port over a real store. */
class WebServerTest {
  @TempDir Path dir;
  Paperboy app;
  WebServer server;
  int port;

  @BeforeEach
  void start() {
    app = Paperboy.open(Config.from(dir, Map.of()));
    server = new WebServer(app);
    port = server.start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    server.close();
    app.close();
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void the_first_page_lists_the_bundled_sample_papers() throws Exception {
    SampleCorpus.loadIfEmpty(app);

    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(page.body()).contains("papers in the store").contains("<li>");
    assertThat(app.papers().count()).isGreaterThan(500);
  }

  @Test
  void titles_from_feeds_are_escaped() throws Exception {
    app.ingest()
        .run(
            "hostile",
            sink ->
                sink.accept(
                    Paper.builder()
                        .id("2401.00001")
                        .title("<script>alert('x')</script> & friends")
                        .abstractText("a < b & c > d")
                        .authors(List.of("Eve"))
                        .published(LocalDate.of(2099, 1, 1)),
                    1),
            n -> {});

    String body = get("/").body();

    assertThat(body).doesNotContain("<script>alert");
    assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends");
    assertThat(body).contains("a &lt; b &amp; c &gt; d");
  }

  @Test
  void health_answers_ok() throws Exception {
    assertThat(get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
  }
}
