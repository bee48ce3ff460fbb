package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WebSettingsTest {
  @Test
  void a_blank_or_missing_base_url_is_none_and_a_set_one_loses_its_trailing_slashes() {
    assertThat(WebSettings.fromEnv(Map.of()).baseUrl()).isNull();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_BASE_URL", "  ")).baseUrl()).isNull();
    WebSettings set =
        WebSettings.fromEnv(Map.of("PAPERBOY_BASE_URL", " https://papers.example// "));
    assertThat(set.baseUrl()).isEqualTo("https://papers.example");
    assertThat(set.secure()).isTrue();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_BASE_URL", "http://x")).secure()).isFalse();
  }

  @Test
  void pages_are_kept_unless_the_page_cache_is_off_in_any_case() {
    assertThat(WebSettings.fromEnv(Map.of()).keepPages()).isTrue();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_PAGE_CACHE", "on")).keepPages()).isTrue();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_PAGE_CACHE", "OFF")).keepPages()).isFalse();
  }

  @Test
  void the_outbox_page_is_shown_unless_it_is_off_written_in_lower_case() {
    assertThat(WebSettings.fromEnv(Map.of()).outboxPage()).isTrue();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_OUTBOX_PAGE", "off")).outboxPage()).isFalse();
    assertThat(WebSettings.fromEnv(Map.of("PAPERBOY_OUTBOX_PAGE", "OFF")).outboxPage()).isTrue();
  }
}
