package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.paperboy.paper.Paper;

/** The real HTTP server on a random port over a real store holding the bundled sample. */
class WebServerTest {
  @RegisterExtension static final Site site = Site.withSample();
  static final Site.Client client = site.client();

  @BeforeAll
  static void addAHostilePaper() {
    site.app()
        .ingest()
        .run(
            "hostile",
            sink ->
                sink.accept(
                    Paper.builder()
                        .id("2401.00001")
                        .title("<script>alert('x')</script> & friends")
                        .abstractText("a < b & c > d")
                        .authors(List.of("Eve <eve@example.org>"))
                        .published(LocalDate.of(2020, 2, 3)),
                    1),
            n -> {});
  }

  @Test
  void the_front_page_shows_the_newest_day_with_papers() {
    HttpResponse<String> page = client.get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("content-type").orElse("")).startsWith("text/html");
    assertThat(page.body())
        .contains("Papers of Thursday 11 June 2026")
        .contains("EvoArena")
        .contains("previous day with papers")
        .contains("/papers/week/2026-W24");
    assertThat(site.app().papers().count()).isGreaterThan(500);
  }

  @Test
  void an_empty_weekend_day_says_so_and_links_the_nearest_day_with_papers() {
    String body = client.get("/papers?date=2026-06-13").body();

    assertThat(body)
        .contains("No papers were published on Saturday 13 June 2026")
        .contains("does not announce new papers on weekends")
        .contains("<a class=\"nearest\" href=\"/papers?date=2026-06-11\">");
  }

  @Test
  void a_paper_ingested_while_serving_shows_at_once_despite_the_kept_lists() {
    assertThat(client.get("/papers?date=2019-05-06").body()).contains("No papers were published");

    site.app()
        .ingest()
        .run(
            "late",
            sink ->
                sink.accept(
                    Paper.builder()
                        .id("1905.00001")
                        .title("A late arrival")
                        .abstractText("Text.")
                        .authors(List.of("Ann"))
                        .published(LocalDate.of(2019, 5, 6)),
                    1),
            n -> {});

    assertThat(client.get("/papers?date=2019-05-06").body()).contains("A late arrival");
  }

  @Test
  void a_day_links_its_neighbours_with_papers() {
    String body = client.get("/papers?date=2026-06-10").body();

    assertThat(body).contains("href=\"/papers?date=2026-06-11\">next day with papers");
  }

  @Test
  void week_and_month_views_list_their_papers_and_neighbours() {
    String week = client.get("/papers/week/2026-W24").body();
    String month = client.get("/papers/month/2026-06").body();

    assertThat(week)
        .contains("Papers of the week 2026-W24")
        .contains("EvoArena")
        .contains("/papers/week/2026-W23")
        .contains("/papers/week/2026-W25");
    assertThat(month)
        .contains("Papers of June 2026")
        .contains("EvoArena")
        .contains("/papers/month/2026-05");
  }

  @Test
  void bad_dates_weeks_months_and_pages_are_400_with_a_message() {
    assertThat(client.get("/papers?date=2026-13-45").statusCode()).isEqualTo(400);
    assertThat(client.get("/papers?date=2026-13-45").body())
        .contains("date must be a date like 2026-06-12, was &#39;2026-13-45&#39;");
    assertThat(client.get("/papers/week/2026-W60").statusCode()).isEqualTo(400);
    assertThat(client.get("/papers/month/2026-13").statusCode()).isEqualTo(400);
    assertThat(client.get("/papers?page=0").statusCode()).isEqualTo(400);
    assertThat(client.get("/papers?page=abc").body()).contains("page must be a number");
    assertThat(client.get("/trending?window=year").statusCode()).isEqualTo(400);
    assertThat(client.get("/search?q=%22unclosed").statusCode()).isEqualTo(400);
  }

  @Test
  void a_paper_page_shows_the_paper_links_and_related_papers() {
    String body = client.get("/papers/2606.13392").body();

    assertThat(body)
        .contains("<h1>MiniMax Sparse Attention</h1>")
        .contains("href=\"https://arxiv.org/abs/2606.13392")
        .contains("PDF")
        .contains("Code (★ 251)")
        .contains("Related papers");
  }

  @Test
  void old_style_ids_with_a_slash_have_pages_and_versions_redirect() {
    assertThat(client.get("/papers/astro-ph/0601001").statusCode()).isEqualTo(200);
    HttpResponse<String> versioned = client.get("/papers/2606.13392v2");
    assertThat(versioned.statusCode()).isEqualTo(301);
    assertThat(versioned.headers().firstValue("location").orElse(""))
        .endsWith("/papers/2606.13392");
  }

  @Test
  void unknown_papers_and_pages_are_404_pages() {
    HttpResponse<String> paper = client.get("/papers/2999.99999");
    assertThat(paper.statusCode()).isEqualTo(404);
    assertThat(paper.body()).contains("no paper with id &#39;2999.99999&#39;");
    assertThat(client.get("/no/such/page").statusCode()).isEqualTo(404);
    assertThat(client.get("/static/nope.css").statusCode()).isEqualTo(404);
  }

  @Test
  void static_path_traversal_serves_nothing() {
    assertThat(client.get("/static/app.css").statusCode()).isEqualTo(200);
    // Inside the tree the app answers 404; a path that climbs above the root is refused by Jetty
    // itself (400) before any handler runs. Neither serves a file.
    for (String p :
        List.of(
            "/static/%2e%2e/db/migration/V1__papers.sql",
            "/static/%2e%2e/web/openapi.json", "/static/..%5c..%5cpom.xml")) {
      assertThat(client.get(p).statusCode()).as(p).isEqualTo(404);
    }
    for (String p :
        List.of("/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/static/..%2f..%2f..%2fetc/passwd")) {
      HttpResponse<String> r = client.get(p);
      assertThat(r.statusCode()).as(p).isIn(400, 404);
      assertThat(r.body()).doesNotContain("root:");
    }
  }

  @Test
  void titles_and_authors_from_feeds_are_escaped_everywhere() {
    for (String path :
        List.of(
            "/papers?date=2020-02-03", "/papers/2401.00001", "/search?q=friends&mode=lexical")) {
      String body = client.get(path).body();
      assertThat(body).as(path).doesNotContain("<script>alert").doesNotContain("<eve@");
      assertThat(body)
          .as(path)
          .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends");
    }
    assertThat(client.get("/papers/2401.00001").body()).contains("a &lt; b &amp; c &gt; d");
  }

  @Test
  void every_page_has_a_strict_content_security_policy_and_no_script() {
    HttpResponse<String> page = client.get("/trending");

    assertThat(page.headers().firstValue("content-security-policy").orElse(""))
        .contains("default-src 'none'")
        .contains("form-action 'self'")
        .doesNotContain("unsafe");
    assertThat(page.headers().firstValue("x-content-type-options")).hasValue("nosniff");
    assertThat(page.body())
        .doesNotContain("<script")
        .doesNotContain("style=\"")
        .doesNotContain("http://cdn");
  }

  @Test
  void search_shows_snippets_modes_pages_and_the_acronym_readings() {
    String body = client.get("/search?q=MLLM").body();

    assertThat(body)
        .contains("<mark>")
        .contains("multimodal large language model</a> (")
        .contains("multilingual large language model</a> (")
        .contains("next page →")
        .contains("mode=lexical")
        .contains("application/atom+xml");
    assertThat(client.get("/search?q=MLLM&page=2").body()).contains("← previous page");
  }

  @Test
  void health_answers_ok_and_metrics_count_requests_by_route() {
    assertThat(client.get("/health").body()).isEqualTo("{\"status\":\"ok\"}");
    client.get("/papers/2606.13392");

    String metrics = client.get("/metrics").body();

    assertThat(metrics)
        .contains("http_server_requests_seconds_count{")
        .contains("route=\"/papers/<rest>\"")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void the_outbox_page_is_local_only_and_its_message_names_are_checked() {
    assertThat(client.get("/outbox").statusCode()).isEqualTo(200);
    assertThat(client.get("/outbox/..%2f..%2fpaperboy.mv.db").statusCode()).isIn(400, 404);
    assertThat(client.get("/outbox/paperboy.mv.db").statusCode()).isEqualTo(404);
  }
}
