package org.paperboy.ingest.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final Instant NOW = Instant.parse("2026-06-12T08:00:00Z");

  @Test
  void reads_seconds() {
    assertThat(RetryAfter.parse(" 120 ", NOW)).contains(Duration.ofSeconds(120));
  }

  @Test
  void reads_an_http_date_as_the_time_left_until_it() {
    assertThat(RetryAfter.parse("Fri, 12 Jun 2026 08:01:30 GMT", NOW))
        .contains(Duration.ofSeconds(90));
  }

  @Test
  void a_date_in_the_past_means_now() {
    assertThat(RetryAfter.parse("Fri, 12 Jun 2026 07:00:00 GMT", NOW)).contains(Duration.ZERO);
  }

  @Test
  void ignores_what_it_cannot_read() {
    assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    assertThat(RetryAfter.parse(null, NOW)).isEmpty();
    assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
  }
}
