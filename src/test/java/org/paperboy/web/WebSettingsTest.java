package org.paperboy.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.app.Config;

/** The web's settings as the configuration reads them (file keys and env vars alike). */
class WebSettingsTest {
  @TempDir Path dir;

  private WebSettings web(Map<String, String> env) {
    return Config.from(dir, env).web();
  }

  @Test
  void a_blank_or_missing_base_url_is_none_and_a_set_one_loses_its_trailing_slashes() {
    assertThat(web(Map.of()).baseUrl()).isNull();
    assertThat(web(Map.of("PAPERBOY_BASE_URL", "  ")).baseUrl()).isNull();
    WebSettings set = web(Map.of("PAPERBOY_BASE_URL", " https://papers.example// "));
    assertThat(set.baseUrl()).isEqualTo("https://papers.example");
    assertThat(set.secure()).isTrue();
    assertThat(web(Map.of("PAPERBOY_BASE_URL", "http://x")).secure()).isFalse();
  }

  @Test
  void pages_are_kept_unless_the_page_cache_is_off_in_any_case() {
    assertThat(web(Map.of()).keepPages()).isTrue();
    assertThat(web(Map.of("PAPERBOY_PAGE_CACHE", "on")).keepPages()).isTrue();
    assertThat(web(Map.of("PAPERBOY_PAGE_CACHE", "OFF")).keepPages()).isFalse();
  }

  @Test
  void the_outbox_page_is_shown_unless_it_is_off() {
    assertThat(web(Map.of()).outboxPage()).isTrue();
    assertThat(web(Map.of("PAPERBOY_OUTBOX_PAGE", "off")).outboxPage()).isFalse();
  }
}
