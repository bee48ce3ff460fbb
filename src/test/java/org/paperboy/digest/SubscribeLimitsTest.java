package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.mail.OutboxMailer;

/** The web form's limits: per client, for everyone, and unconfirmed subscriptions expire. */
class SubscribeLimitsTest {
  @TempDir Path dir;
  DigestWorld world;
  DigestService digests;
  OutboxMailer outbox;

  @BeforeEach
  void open() {
    world = new DigestWorld(dir, Instant.parse("2026-12-01T08:00:00Z"), Map.of());
    outbox = new OutboxMailer(dir.resolve("sent"), "paperboy <digest@paperboy.test>", world.clock);
    digests = world.digests(outbox);
  }

  @AfterEach
  void close() {
    world.close();
  }

  private static SubscriptionForm form(String email) {
    return SubscriptionForm.parse(email, List.of("llm"), true, "07:00", "UTC", 10);
  }

  @Test
  void one_client_cycling_through_addresses_is_stopped_and_mails_no_more() {
    int accepted = 0;
    for (int i = 0; i < 50; i++) {
      if (digests.request(form("victim" + i + "@example.org"), "203.0.113.9")) accepted++;
    }

    assertThat(accepted).isEqualTo(SubscriptionDesk.REQUESTS_PER_CLIENT_PER_HOUR);
    assertThat(outbox.list(100)).hasSize(SubscriptionDesk.REQUESTS_PER_CLIENT_PER_HOUR);
    assertThat(digests.request(form("other@example.org"), "198.51.100.7")).isTrue();
    world.clock.advance(Duration.ofHours(1));
    assertThat(digests.request(form("later@example.org"), "203.0.113.9")).isTrue();
  }

  @Test
  void many_clients_together_are_stopped_by_the_global_limit() {
    int accepted = 0;
    for (int i = 0; i < SubscriptionDesk.REQUESTS_PER_HOUR + 20; i++) {
      if (digests.request(form("v" + i + "@example.org"), "10.0.0." + (i % 250))) accepted++;
    }

    assertThat(accepted).isEqualTo(SubscriptionDesk.REQUESTS_PER_HOUR);
  }

  @Test
  void an_unconfirmed_subscription_is_deleted_once_its_link_has_expired() {
    assertThat(digests.request(form("never@example.org"), "203.0.113.9")).isTrue();
    assertThat(digests.request(form("again@example.org"), "203.0.113.9")).isTrue();
    world.clock.advance(Duration.ofDays(6));
    // Asked for again: a new link, so the pending row lives as long as that link.
    assertThat(digests.request(form("again@example.org"), "203.0.113.9")).isTrue();
    world.clock.advance(Duration.ofDays(2));

    assertThat(digests.request(form("new@example.org"), "198.51.100.7")).isTrue();

    assertThat(digests.find("never@example.org")).isEmpty();
    assertThat(digests.find("again@example.org")).isPresent();
    assertThat(digests.find("new@example.org")).isPresent();
  }
}
