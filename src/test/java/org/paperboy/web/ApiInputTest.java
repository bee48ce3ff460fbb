package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.paperboy.paper.Paper;

/**
 * What a fuzzer sent (issue 14): extreme dates, blank and control-character values, papers known
 * only from Hugging Face.
 */
class ApiInputTest {
  @RegisterExtension static final Site site = Site.withSample();
  static final Site.Client client = site.client();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/papers?date=-999999999-01-01",
        "/papers?date=%2B999999999-12-31",
        "/api/daily?date=-999999999-01-01",
        "/api/daily?date=%2B999999999-12-31",
        "/papers/month/+999999999-12",
        "/papers/month/-999999999-01",
        "/papers/week/0000-W01",
        "/search?q=x&from=-999999999-01-01",
        "/api/search?q=x&to=%2B999999999-12-31"
      })
  void extreme_dates_are_a_400_with_a_message(String path) throws Exception {
    HttpResponse<String> r = client.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.body()).as(path).contains("must be in the years 1 to 9999");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/papers/1605.08386/related?limit=%0B",
        "/api/daily?date=%1F",
        "/api/search?q=x&mode=%09",
        "/api/trending?window=%00",
        "/api/search?q=x&cat=cs%7F",
        "/papers?date=%1F",
        "/search?q=x&mode=%09"
      })
  void control_characters_are_rejected_not_ignored(String path) throws Exception {
    HttpResponse<String> r = client.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(r.body()).as(path).contains("holds a control character");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/papers/1605.08386/related?limit=",
        "/api/daily?date=",
        "/api/daily?page=%20",
        "/api/search?q=x&mode=",
        "/api/search?q=x&from=",
        "/api/trending?window=",
        "/api/search?q=%20%20"
      })
  void blank_values_are_a_400_in_the_api(String path) throws Exception {
    HttpResponse<String> r = client.get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(400);
    assertThat(ApiTest.json(r).path("error").path("code").asText()).isEqualTo("bad_request");
  }

  @Test
  void a_form_with_empty_fields_still_searches() {
    assertThat(client.get("/search?q=language&mode=&from=&to=&cat=").statusCode()).isEqualTo(200);
    assertThat(client.get("/search?q=language%09model").statusCode()).isEqualTo(200);
  }

  @Test
  void a_paper_known_only_from_hugging_face_has_null_version_and_categories() throws Exception {
    site.app()
        .ingest()
        .run(
            "hf-only",
            sink ->
                sink.accept(
                    Paper.builder()
                        .id("2606.99971")
                        .title("A paper only Hugging Face has told us of")
                        .abstractText("Its arXiv version and categories are not known here.")
                        .authors(List.of("Ada Hug"))
                        .published(LocalDate.of(2026, 6, 12))
                        .addSource("hf-daily"),
                    1),
            n -> {});
    JsonNode p = ApiTest.json(client.get("/api/papers/2606.99971"));
    assertThat(p.has("version")).isTrue();
    assertThat(p.get("version").isNull()).as(p.toString()).isTrue();
    assertThat(p.get("categories").isNull()).as(p.toString()).isTrue();
    // a paper from arXiv keeps both
    JsonNode arxiv = ApiTest.json(client.get("/api/papers/1605.08386"));
    assertThat(arxiv.get("version").asInt()).isPositive();
    assertThat(arxiv.get("categories").isArray()).isTrue();

    String page = client.get("/papers/2606.99971").body();
    assertThat(page)
        .contains("<dt>Categories</dt><dd>unknown</dd>")
        .contains("<dt>Version</dt><dd>unknown</dd>");
  }
}
