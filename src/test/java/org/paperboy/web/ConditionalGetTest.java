package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Feed readers and API clients poll: what they already hold is a 304 (issue 14, item 13). */
class ConditionalGetTest {
  @RegisterExtension static final Site site = Site.withSample();
  static final Site.Client client = site.client();
  private static final Pattern UPDATED = Pattern.compile("<updated>([^<]+)</updated>");

  private static HttpResponse<String> get(String path, String header, String value)
      throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(site.url(path))).header(header, value).GET().build();
    return client.http.send(r, HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"/feed.atom", "/feed.atom?q=language", "/trending.atom?window=month"})
  void a_feed_is_as_new_as_its_newest_entry_and_answers_304(String path) throws Exception {
    HttpResponse<String> first = client.get(path);
    assertThat(first.statusCode()).isEqualTo(200);
    List<String> updated = new ArrayList<>();
    Matcher m = UPDATED.matcher(first.body());
    while (m.find()) updated.add(m.group(1));
    assertThat(updated).hasSizeGreaterThan(1);
    String feed = updated.get(0);
    List<String> entries = updated.subList(1, updated.size());
    assertThat(feed).isEqualTo(Collections.max(entries)); // ISO instants sort as text

    String etag = first.headers().firstValue("etag").orElseThrow();
    String modified = first.headers().firstValue("last-modified").orElseThrow();
    assertThat(client.get(path).body()).isEqualTo(first.body()); // the same bytes a second later

    HttpResponse<String> byTag = get(path, "If-None-Match", etag);
    assertThat(byTag.statusCode()).isEqualTo(304);
    assertThat(byTag.body()).isEmpty();
    assertThat(get(path, "If-Modified-Since", modified).statusCode()).isEqualTo(304);
    assertThat(get(path, "If-Modified-Since", "Mon, 01 Jan 1990 00:00:00 GMT").statusCode())
        .isEqualTo(200);
    assertThat(get(path, "If-None-Match", "\"other\"").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/daily",
        "/api/search?q=language",
        "/api/trending",
        "/api/papers/1605.08386",
        "/api/papers/1605.08386/related?limit=3"
      })
  void api_answers_carry_an_etag_and_answer_304(String path) throws Exception {
    HttpResponse<String> first = client.get(path);
    assertThat(first.statusCode()).isEqualTo(200);
    String etag = first.headers().firstValue("etag").orElseThrow();
    HttpResponse<String> again = get(path, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.body()).isEmpty();
  }
}
